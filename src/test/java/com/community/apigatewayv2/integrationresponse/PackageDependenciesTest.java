package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** The handler's packages depend on each other in one direction only: root, lambda, handler, model. */
class PackageDependenciesTest {
    private static final String BASE = "com.community.apigatewayv2.integrationresponse";
    private static final Pattern EDGE = Pattern.compile(
            "^\\s+(" + Pattern.quote(BASE) + "\\S*)\\s+->\\s+(" + Pattern.quote(BASE) + "\\S*)", Pattern.MULTILINE);

    @Test
    void eachPackageDependsOnlyOnThoseBelowIt() {
        final ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        final StringWriter out = new StringWriter();
        final int status = jdeps.run(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                "-verbose:package",
                "-filter:none",
                Path.of("target", "classes").toString());
        assertThat(status).as(out.toString()).isZero();

        final Set<String> edges = new TreeSet<>();
        final Matcher edge = EDGE.matcher(out.toString());
        while (edge.find()) {
            if (!edge.group(1).equals(edge.group(2))) {
                edges.add(name(edge.group(1)) + " -> " + name(edge.group(2)));
            }
        }
        assertThat(edges)
                .isNotEmpty()
                .isSubsetOf(
                        "(root) -> lambda",
                        "(root) -> handler",
                        "(root) -> model",
                        "lambda -> handler",
                        "lambda -> model",
                        "handler -> model");
    }

    private static String name(final String pkg) {
        return pkg.equals(BASE) ? "(root)" : pkg.substring(BASE.length() + 1);
    }
}
