package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** .rpdk-config, template.yml and resource-role.yaml must agree with each other, the schema and the build. */
class ProjectFilesTest {
    private static final JSONObject RPDK_CONFIG = readJson(".rpdk-config");

    private static JSONObject readJson(final String file) {
        try {
            return new JSONObject(Files.readString(Path.of(file)));
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> matches(final String file, final String regex) throws IOException {
        final Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(Files.readString(Path.of(file)));
        final List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The type name of this directory's files; a build may give the type another one (type.name). */
    private static String projectTypeName() {
        return readJson("resource-schema.json").getString("typeName");
    }

    /**
     * A MOCK integration's request template is keyed by the value its selection expression gives:
     * {@code \\$default} in the expression is the escaped literal {@code $default}, and the key is that
     * literal; a key {@code \\$default} (with its backslash) matches no request.
     */
    @Test
    void thePrerequisiteTemplatesKeyTheirRequestTemplateByTheLiteralDefault() throws IOException {
        for (final Path template :
                List.of(Path.of("inputs/prerequisites.yaml"), Path.of("contract-tests-artifacts/dependencies.yml"))) {
            final List<String> lines = Files.readAllLines(template);
            assertThat(lines).as(template.toString()).contains("        $default: '{\"statusCode\": 200}'");
            assertThat(lines)
                    .as(template.toString())
                    .noneMatch(line -> line.trim().startsWith("\\$default:"));
        }
    }

    @Test
    void theHandlerSpeaksOfTheNameTheBuildWasGiven() {
        assertEquals(System.getProperty("type.name"), ResourceModel.TYPE_NAME);
    }

    @Test
    void rpdkConfigNamesTheTypeTheRuntimeAndRealEntryPoints() throws Exception {
        assertEquals(projectTypeName(), RPDK_CONFIG.getString("typeName"));
        assertEquals("java", RPDK_CONFIG.getString("language"));
        // java21: on Amazon Linux 2023, supported by Lambda to 2029, the oldest LTS there
        assertEquals("java21", RPDK_CONFIG.getString("runtime"));
        assertEquals("2.0.0", RPDK_CONFIG.getJSONObject("settings").getString("protocolVersion"));
        for (final String key : List.of("entrypoint", "testEntrypoint")) {
            final String[] entry = RPDK_CONFIG.getString(key).split("::");
            final Method method =
                    Class.forName(entry[0]).getMethod(entry[1], InputStream.class, OutputStream.class, Context.class);
            assertThat(Modifier.isPublic(method.getModifiers())).as(key).isTrue();
        }
    }

    @Test
    void samTemplateRunsTheBuiltJarWithTheSameEntryPointsAndRuntime() throws IOException {
        assertEquals(
                List.of(RPDK_CONFIG.getString("entrypoint"), RPDK_CONFIG.getString("testEntrypoint")),
                matches("template.yml", "^\\s+Handler: (\\S+)$"));
        assertEquals(List.of("java21", "java21"), matches("template.yml", "^\\s+Runtime: (\\S+)$"));
        // the jar a build of this directory's type name writes; other names write theirs beside it
        final String jar = projectTypeName().replace("::", "-").toLowerCase(Locale.ROOT) + "-handler-"
                + System.getProperty("handler.jar").replaceAll("^.*-handler-", "");
        if (projectTypeName().equals(ResourceModel.TYPE_NAME)) {
            assertEquals(System.getProperty("handler.jar"), jar);
        }
        assertEquals(List.of("./target/" + jar, "./target/" + jar), matches("template.yml", "^\\s+CodeUri: (\\S+)$"));
    }

    /** -Dlambda.runtime switches the runtime of every file the build writes for the type, and nothing else. */
    @Test
    void theBuildsFilesNameTheRuntimeTheBuildWasGiven() throws IOException {
        final String runtime = System.getProperty("lambda.runtime");
        final JSONObject built = readJson("target/type/.rpdk-config");
        assertEquals(runtime, built.getString("runtime"));
        assertEquals(
                RPDK_CONFIG
                        .put("typeName", ResourceModel.TYPE_NAME)
                        .put("runtime", runtime)
                        .toMap(),
                built.toMap());
        assertEquals(List.of(runtime, runtime), matches("target/type/template.yml", "^\\s+Runtime: (\\S+)$"));
        final String jar = "../" + System.getProperty("handler.jar");
        assertEquals(List.of(jar, jar), matches("target/type/template.yml", "^\\s+CodeUri: (\\S+)$"));
        assertEquals(
                matches("template.yml", "^\\s+Handler: (\\S+)$"),
                matches("target/type/template.yml", "^\\s+Handler: (\\S+)$"));
        assertThat(Files.readString(Path.of("target/type/template.yml")))
                .contains("of the " + ResourceModel.TYPE_NAME + " resource type");
    }

    /** The role the build packages may touch integration responses only, in the stack's partition and region. */
    @Test
    void thePackagedRoleIsScopedToIntegrationResponses() throws IOException {
        final String built = Files.readString(Path.of("target/type/resource-role.yaml"));
        assertThat(built)
                .contains("                Resource:\n"
                        + "                - Fn::Sub: arn:${AWS::Partition}:apigateway:${AWS::Region}::"
                        + "/apis/*/integrations/*/integrationresponses\n"
                        + "                - Fn::Sub: arn:${AWS::Partition}:apigateway:${AWS::Region}::"
                        + "/apis/*/integrations/*/integrationresponses/*\n")
                .doesNotContain("Resource: \"*\"");
        // everything else as the project's role says (its type name aside)
        assertEquals(
                matches("resource-role.yaml", "^ {16}- \"([^\"]+)\"$"),
                matches("target/type/resource-role.yaml", "^ {16}- \"([^\"]+)\"$"));
        assertThat(Files.readString(Path.of("resource-role.yaml"))).contains("                Resource: \"*\"\n");
    }

    /**
     * README's mutation command stops at test-compile, and PIT's JVMs use the tests' private temporary
     * directory: it must exist by then, from a fresh clone (Mockito cannot write its agent jar into a
     * missing directory, and every test fails "without mutation").
     */
    @Test
    void theTestsTemporaryDirectoryIsMadeBeforeTestCompile() throws IOException {
        final List<String> lifecycle = List.of(
                "validate",
                "initialize",
                "generate-sources",
                "process-sources",
                "generate-resources",
                "process-resources",
                "compile",
                "process-classes",
                "generate-test-sources",
                "process-test-sources",
                "generate-test-resources",
                "process-test-resources",
                "test-compile");
        final List<String> phase = matches("pom.xml", "<id>private-test-tmpdir</id>\\s*<phase>([a-z-]+)</phase>");
        assertThat(phase).hasSize(1);
        assertThat(lifecycle).as("the phase that makes target/surefire-tmp").contains(phase.get(0));
        assertThat(lifecycle.indexOf(phase.get(0))).isLessThan(lifecycle.indexOf("test-compile"));
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<value>-Djava.io.tmpdir=${project.build.directory}/surefire-tmp</value>");
    }

    /** The runtime table: every runtime in it runs release-17 bytecode; each has a deprecation date. */
    @Test
    void theRuntimeTableListsJavaRuntimesWithDates() throws IOException {
        final java.util.Properties table = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("lambda-runtimes.properties"))) {
            table.load(in);
        }
        assertEquals(Set.of("java17", "java21", "java25"), table.stringPropertyNames());
        assertEquals("2029-06-30", table.getProperty("java21"));
        assertThat(table.getProperty(System.getProperty("lambda.runtime"))).isNotNull();
    }

    /**
     * resource-role.yaml as {@code cfn generate} writes it from the schema's handlers: every permission once,
     * sorted; a session of 70 s per minute of the longest handler timeout (120 minutes unless the schema says),
     * kept between 1 and 12 hours; trusted only by this type's ARN.
     */
    @Test
    void executionRoleAllowsExactlyTheSchemasPermissions() throws IOException {
        final Set<String> schemaPermissions = new TreeSet<>();
        int longestTimeoutMinutes = 0;
        final JSONObject handlers = readJson("resource-schema.json").getJSONObject("handlers");
        for (final String handler : handlers.keySet()) {
            handlers.getJSONObject(handler).getJSONArray("permissions").forEach(p -> schemaPermissions.add((String) p));
            longestTimeoutMinutes = Math.max(
                    longestTimeoutMinutes, handlers.getJSONObject(handler).optInt("timeoutInMinutes", 120));
        }
        assertEquals(List.copyOf(schemaPermissions), matches("resource-role.yaml", "^ {16}- \"([^\"]+)\"$"));
        assertEquals(
                List.of(String.valueOf(Math.min(43_200, Math.max(3_600, 70 * longestTimeoutMinutes)))),
                matches("resource-role.yaml", "^ {6}MaxSessionDuration: (\\d+)$"));
        assertThat(Files.readString(Path.of("resource-role.yaml")))
                .contains(
                        "aws:SourceArn:\n                  Fn::Sub: arn:${AWS::Partition}:cloudformation:${AWS::Region}:"
                                + "${AWS::AccountId}:type/resource/"
                                + projectTypeName().replace("::", "-") + "/*\n")
                .contains("Outputs:\n  ExecutionRoleArn:\n    Value:\n      Fn::GetAtt: ExecutionRole.Arn\n");
    }
}
