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

/**
 * The handler's packages depend on each other in one direction only: root, lambda, handler, model; and so
 * do the emulator's.
 */
class PackageDependenciesTest {
    private static final String BASE = "com.community.apigatewayv2.integrationresponse";
    private static final Pattern EDGE = Pattern.compile(
            "^\\s+(" + Pattern.quote(BASE) + "\\S*)\\s+->\\s+(" + Pattern.quote(BASE) + "\\S*)", Pattern.MULTILINE);

    @Test
    void eachPackageDependsOnlyOnThoseBelowIt() {
        assertThat(edges(Path.of("target", "classes"), ""))
                .isNotEmpty()
                .isSubsetOf(
                        "(root) -> lambda",
                        "(root) -> handler",
                        "(root) -> model",
                        "lambda -> handler",
                        "lambda -> model",
                        "handler -> model");
    }

    /** The local API Gateway V2 in moto's layers: the facade, routes, operations, store and models, errors. */
    @Test
    void theEmulatorsLayersDependOnlyOnThoseBelowThem() {
        assertThat(edges(Path.of("target", "test-classes"), "local.apigateway"))
                .isNotEmpty()
                .isSubsetOf(
                        "local.apigateway -> local.apigateway.routes",
                        "local.apigateway -> local.apigateway.operations",
                        "local.apigateway -> local.apigateway.store",
                        "local.apigateway -> local.apigateway.errors",
                        "local.apigateway -> local.net",
                        "local.apigateway.routes -> local.apigateway.operations",
                        "local.apigateway.routes -> local.apigateway.errors",
                        "local.apigateway.routes -> local.net",
                        "local.apigateway.operations -> local.apigateway.store",
                        "local.apigateway.operations -> local.apigateway.errors",
                        "local.apigateway.store -> local.apigateway.errors");
    }

    /** The edges between the project's packages in {@code classes}, from those at or under {@code from}. */
    private static Set<String> edges(final Path classes, final String from) {
        final ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        final StringWriter out = new StringWriter();
        final int status = jdeps.run(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                "-verbose:package",
                "-filter:none",
                classes.toString());
        assertThat(status).as(out.toString()).isZero();

        final Set<String> edges = new TreeSet<>();
        final Matcher edge = EDGE.matcher(out.toString());
        while (edge.find()) {
            final String source = name(edge.group(1));
            final boolean inScope = from.isEmpty() || source.equals(from) || source.startsWith(from + ".");
            if (!edge.group(1).equals(edge.group(2)) && inScope) {
                edges.add(source + " -> " + name(edge.group(2)));
            }
        }
        return edges;
    }

    private static String name(final String pkg) {
        return pkg.equals(BASE) ? "(root)" : pkg.substring(BASE.length() + 1);
    }
}
