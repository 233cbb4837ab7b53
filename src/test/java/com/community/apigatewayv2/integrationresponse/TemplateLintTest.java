package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Templates that use this type, linted by the cfn-lint on the machine with the project's rule directory
 * ({@code lint/rules}) and schema directory ({@code lint/schemas}), as README tells users to: each mistake
 * with cfn-lint's own code and position, and every template of the project clean (template.yml's runtime
 * included: cfn-lint reports a deprecated one, E2533).
 */
class TemplateLintTest {
    private static final String FIXTURES = "src/test/resources/lint/";
    private static String cfnLint;

    @BeforeAll
    static void findCfnLint() {
        for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            final Path candidate = Path.of(dir, "cfn-lint");
            if (Files.isExecutable(candidate)) {
                cfnLint = candidate.toString();
                return;
            }
        }
        System.out.println("TemplateLintTest: cfn-lint is not on PATH; the templates are NOT linted on this machine");
    }

    /** Each file's findings as "code line:column", from one run over all of them. */
    private static Map<String, List<String>> lint(final List<String> files) throws Exception {
        assumeTrue(cfnLint != null, "cfn-lint is not on PATH: the templates are NOT linted on this machine");
        final List<String> command = new ArrayList<>(List.of(
                cfnLint,
                "--format",
                "json",
                "--registry-schemas",
                "lint/schemas",
                "--append-rules",
                "lint/rules",
                "--"));
        command.addAll(files);
        final Process process = new ProcessBuilder(command).start();
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("cfn-lint ends").isTrue();
        // 0 clean, 2 errors found; anything else is cfn-lint failing (a rule that does not load, say)
        assertThat(process.exitValue()).as(err + out).isIn(0, 2);
        final Map<String, List<String>> findings = new TreeMap<>();
        files.forEach(file -> findings.put(file, new ArrayList<>()));
        final JSONArray matches = new JSONArray(out);
        for (int i = 0; i < matches.length(); i++) {
            final JSONObject match = matches.getJSONObject(i);
            final JSONObject start = match.getJSONObject("Location").getJSONObject("Start");
            findings.get(match.getString("Filename"))
                    .add(match.getJSONObject("Rule").getString("Id") + " " + start.getInt("LineNumber") + ":"
                            + start.getInt("ColumnNumber"));
        }
        return findings;
    }

    @Test
    void mistakesInTheTypesPropertiesAreReportedWithCfnLintsCodesAndPositions() throws Exception {
        final Map<String, List<String>> findings = lint(List.of(
                FIXTURES + "bad.yaml",
                FIXTURES + "bad.json",
                FIXTURES + "good.yaml",
                "template.yml",
                "inputs/prerequisites.yaml",
                "contract-tests-artifacts/dependencies.yml",
                "target/type/resource-role.yaml",
                "examples/websocket-mock-integration-response.json",
                "examples/websocket-mock-integration-response-aws.json"));

        // YAML with short-form intrinsics: a missing required property, a value outside the enum, an
        // unknown property, a key that breaks the pattern
        assertEquals(
                List.of("E3003 16:5", "E3030 25:7", "E3002 26:7", "E3031 33:7"), findings.get(FIXTURES + "bad.yaml"));
        assertEquals(List.of("E3003 14:13", "E3030 17:17", "E3002 18:17"), findings.get(FIXTURES + "bad.json"));
        for (final String clean : new TreeSet<>(findings.keySet())) {
            if (!clean.startsWith(FIXTURES + "bad.")) {
                assertEquals(List.of(), findings.get(clean), clean);
            }
        }
    }

    /** The schema directory holds this project's schema only: the loader reads every JSON file in it. */
    @Test
    void theSchemaDirectoryIsTheProjectsSchema() throws Exception {
        try (var files = Files.list(Path.of("lint/schemas"))) {
            assertEquals(
                    List.of("community-apigatewayv2-integrationresponse.json"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(
                Files.readString(Path.of("resource-schema.json")),
                Files.readString(Path.of("lint/schemas/community-apigatewayv2-integrationresponse.json")));
    }
}
