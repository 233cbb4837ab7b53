package com.community.apigatewayv2.integrationresponse.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.everit.json.schema.Schema;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Every pattern of the schema, on the same lists of strings it must accept and refuse, in ECMA-262
 * (JSON Schema's dialect, run by Node.js) and in the validator the handler jar runs. The lists hold
 * what the dialects disagree on: line terminators (which ECMA-262's and Java's {@code .} refuse and
 * Python's takes), a final line terminator before {@code $} (which java.util.regex lets through),
 * white space outside ASCII, and characters outside the Basic Multilingual Plane.
 */
class SchemaPatternDialectsTest {
    private static final String KEY = "^(\\$default|/[\\s\\S]+/)$";
    private static final String TEMPLATE_KEY = "^[\\s\\S]+$";
    private static final String PARAMETER_KEY = "^method\\.response\\.header\\.[!#$%&'*+.^_`|~0-9A-Za-z-]+$";
    private static final String PARAMETER_VALUE = "^(integration\\.response\\.header\\.[!#$%&'*+.^_`|~0-9A-Za-z-]+"
            + "|integration\\.response\\.body\\.[^\\t\\n\\x0B\\f\\r ]+|'[^']*')$";

    private static final String IDENTIFIER = "^[A-Za-z0-9]+$";

    private record Case(String pattern, List<String> accepted, List<String> refused) {}

    private static final List<Case> CASES = List.of(
            new Case(
                    KEY,
                    List.of(
                            "$default",
                            "/200/",
                            "/4\\d\\d/",
                            "/a\nb/",
                            "/\r/",
                            "/\u2028/",
                            "/\u2029/",
                            "/😀/",
                            "/$/",
                            "///"),
                    List.of(
                            "$default\n",
                            "/2\\d\\d/\n",
                            "/200/\r",
                            "/200/\u2028",
                            "\n/200/",
                            "default",
                            "$",
                            "//",
                            "/200",
                            "",
                            "$default ")),
            new Case(
                    IDENTIFIER,
                    List.of("2rqs39psvk", "a", "ABC123", "0"),
                    List.of("..", ".", "", "a b", "abc\n", "\nabc", "a/b", "ид", "１２３", "a\u2028")),
            new Case(TEMPLATE_KEY, List.of("application/json", "$default", "\n", "\r\n", "😀", "$", " "), List.of("")),
            new Case(
                    PARAMETER_KEY,
                    List.of("method.response.header.X-Request-Id", "method.response.header.a"),
                    List.of(
                            "method.response.header.X\n",
                            "method.response.header.",
                            "method.response.header.a b",
                            "method.response.header.😀",
                            "method.request.header.a")),
            new Case(
                    PARAMETER_VALUE,
                    List.of(
                            "integration.response.header.X-Id",
                            "integration.response.body.a.b[0]",
                            "integration.response.body.naïve😀",
                            "integration.response.body.a\u00a0b",
                            "'static'",
                            "'two\nlines'",
                            "''",
                            "'😀'"),
                    List.of(
                            "integration.response.body.a b",
                            "integration.response.body.a\n",
                            "integration.response.body.a\u000b",
                            "integration.response.body.",
                            "'x'\n",
                            "integration.response.header.X\n",
                            "'unclosed",
                            "x")));

    /** The schema's patterns are these five: a new one must be added here with its lists. */
    @Test
    void theCasesCoverEveryPatternOfTheSchema() throws IOException {
        final List<String> found = new ArrayList<>();
        collect(new JSONObject(Files.readString(Path.of("resource-schema.json"))).getJSONObject("properties"), found);
        assertEquals(new TreeSet<>(CASES.stream().map(Case::pattern).toList()), new TreeSet<>(found));
    }

    private static void collect(final JSONObject node, final List<String> patterns) {
        for (final String name : node.keySet()) {
            final Object value = node.get(name);
            if ("pattern".equals(name)) {
                patterns.add((String) value);
            } else if ("patternProperties".equals(name)) {
                patterns.addAll(((JSONObject) value).keySet());
            }
            if (value instanceof JSONObject child) {
                collect(child, patterns);
            }
        }
    }

    @Test
    void theHandlersValidatorAcceptsAndRefusesExactlyTheLists() {
        for (final Case c : CASES) {
            final Schema schema = ResourceSchemaValidator.compile(
                    new JSONObject().put("type", "string").put("pattern", c.pattern()));
            for (final String accepted : c.accepted()) {
                assertThat(valid(schema, accepted))
                        .as("%s accepts %s", c.pattern(), JSONObject.quote(accepted))
                        .isTrue();
            }
            for (final String refused : c.refused()) {
                assertThat(valid(schema, refused))
                        .as("%s refuses %s", c.pattern(), JSONObject.quote(refused))
                        .isFalse();
            }
        }
    }

    private static boolean valid(final Schema schema, final String value) {
        try {
            schema.validate(value);
            return true;
        } catch (final org.everit.json.schema.ValidationException e) {
            return false;
        }
    }

    /** Why the validator runs RE2J: java.util.regex's $ also matches before a final line terminator. */
    @Test
    void javaUtilRegexWouldLetAFinalLineTerminatorThrough() {
        assertThat(java.util.regex.Pattern.compile(KEY).matcher("/2\\d\\d/\n").find())
                .isTrue();
        assertThat(java.util.regex.Pattern.compile(PARAMETER_KEY)
                        .matcher("method.response.header.X\n")
                        .find())
                .isTrue();
    }

    @Test
    void ecma262AcceptsAndRefusesExactlyTheLists() throws Exception {
        final String node = nodeOnPath();
        assumeTrue(
                node != null,
                "Node.js is not on PATH: the ECMA-262 side of the schema patterns is NOT checked on this machine");
        final JSONArray input = new JSONArray();
        for (final Case c : CASES) {
            final JSONArray strings = new JSONArray();
            c.accepted().forEach(strings::put);
            c.refused().forEach(strings::put);
            input.put(new JSONObject().put("pattern", c.pattern()).put("strings", strings));
        }
        // JSON Schema's pattern: an ECMA-262 regular expression, no flags, searched for anywhere
        final String script = "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
                + "process.stdout.write(JSON.stringify(cases.map(c => c.strings.map(s => new RegExp(c.pattern).test(s)))));";
        final Process process = new ProcessBuilder(node, "-e", script).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.toString().getBytes(StandardCharsets.UTF_8));
        }
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertEquals(0, process.exitValue(), err);
        final JSONArray results = new JSONArray(out);
        for (int i = 0; i < CASES.size(); i++) {
            final Case c = CASES.get(i);
            final Map<String, Boolean> expected = new LinkedHashMap<>();
            c.accepted().forEach(s -> expected.put(JSONObject.quote(s), true));
            c.refused().forEach(s -> expected.put(JSONObject.quote(s), false));
            final Map<String, Boolean> actual = new LinkedHashMap<>();
            final List<String> strings = new ArrayList<>(c.accepted());
            strings.addAll(c.refused());
            for (int j = 0; j < strings.size(); j++) {
                actual.put(
                        JSONObject.quote(strings.get(j)),
                        results.getJSONArray(i).getBoolean(j));
            }
            assertEquals(expected, actual, c.pattern());
        }
    }

    private static String nodeOnPath() {
        for (final String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (final String name : List.of("node", "nodejs")) {
                final Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        System.out.println("SchemaPatternDialectsTest: Node.js is not on PATH; the ECMA-262 check is skipped");
        return null;
    }
}
