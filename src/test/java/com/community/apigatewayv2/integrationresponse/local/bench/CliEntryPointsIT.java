package com.community.apigatewayv2.integrationresponse.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.local.apigateway.EmulatorClients;
import com.community.apigatewayv2.integrationresponse.local.apigateway.LocalApiGatewayV2;
import com.community.apigatewayv2.integrationresponse.local.stack.SamTestEvent;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * The entry points only the cfn CLI and SAM use, from the handler jar this build packaged, each in a
 * fresh JVM: the executable one {@code cfn test --docker-image} runs, and the TestEntrypoint fed the
 * {@code sam-tests} events as {@code sam local invoke} hands them over.
 */
class CliEntryPointsIT {
    private static final String EXECUTABLE = "com.community.apigatewayv2.integrationresponse.HandlerWrapperExecutable";
    private static final String START = "__CFN_RESOURCE_START_RESPONSE__";
    private static final String END = "__CFN_RESOURCE_END_RESPONSE__";

    private Path handlerJar;
    private Path work;
    private Path childTmp;

    /** What one child JVM did: its exit status, standard output and standard error. */
    private record Run(int status, String out, String err) {}

    @BeforeEach
    void setUp() throws IOException {
        handlerJar = Path.of(System.getProperty("handler.jar.path"));
        assertThat(handlerJar).exists();
        work = Files.createTempDirectory(Path.of(System.getProperty("it.work.dir")), "cli-entry-points-");
        childTmp = Files.createDirectories(work.resolve("tmp"));
    }

    @Test
    void theExecutableEntryPointAnswersACreateAndAReadBetweenTheMarkers() throws Exception {
        try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start();
                ApiGatewayV2Client client = EmulatorClients.sdkClient(emulator)) {
            String apiId = EmulatorClients.createWebSocketApi(client);
            String integrationId = EmulatorClients.createMockIntegration(client, apiId);
            emulator.resetCounts();

            Run create = java(
                    emulator,
                    null,
                    "-cp",
                    handlerJar.toString(),
                    EXECUTABLE,
                    HandlerJarDriver.handlerRequest(
                            "CREATE",
                            HandlerJarDriver.properties(
                                    apiId,
                                    integrationId,
                                    null,
                                    "/200/",
                                    "\"TemplateSelectionExpression\":\"$default\"")));
            assertEquals(0, create.status(), create::toString);
            JSONObject created = marked(create.out());
            assertEquals("SUCCESS", created.getString("status"), created::toString);
            String responseId = created.getJSONObject("resourceModel").getString("IntegrationResponseId");
            assertEquals(
                    new JSONObject()
                            .put("ApiId", apiId)
                            .put("IntegrationId", integrationId)
                            .put("IntegrationResponseId", responseId)
                            .put("IntegrationResponseKey", "/200/")
                            .put("TemplateSelectionExpression", "$default")
                            .toMap(),
                    created.getJSONObject("resourceModel").toMap());

            Run read = java(
                    emulator,
                    null,
                    "-cp",
                    handlerJar.toString(),
                    EXECUTABLE,
                    HandlerJarDriver.handlerRequest(
                            "READ", HandlerJarDriver.properties(apiId, integrationId, responseId, null, null)));
            assertEquals(0, read.status(), read::toString);
            JSONObject answer = marked(read.out());
            assertEquals("SUCCESS", answer.getString("status"), answer::toString);
            assertEquals(
                    created.getJSONObject("resourceModel").toMap(),
                    answer.getJSONObject("resourceModel").toMap());

            assertEquals(1, emulator.requestCount("CreateIntegrationResponse"));
            assertEquals(1, emulator.requestCount("GetIntegrationResponse"));
        }
    }

    @Test
    void theExecutableEntryPointWithoutTheRequestIsAUsageError() throws Exception {
        Run run = java(null, null, "-cp", handlerJar.toString(), EXECUTABLE);

        assertEquals(2, run.status(), run::toString);
        assertEquals("", run.out());
        assertThat(run.err()).contains("no request given", "usage: java -cp <handler jar> " + EXECUTABLE);
    }

    /**
     * Each event file's bytes, its placeholders filled with the ids the emulator gave and its empty
     * credentials with fake ones (what a user does before {@code sam local invoke}), in lifecycle order.
     */
    @Test
    void eachSamTestsEventRunsThroughTheTestEntrypointFromTheJar() throws Exception {
        Path driverDir = HandlerJarIT.copyDriver(work.resolve("driver"));
        AwsSessionCredentials credentials =
                AwsSessionCredentials.create("AKIDSAMLOCAL", "sam-local-secret", "sam-local-session");
        try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start();
                ApiGatewayV2Client client = EmulatorClients.sdkClient(emulator)) {
            String apiId = EmulatorClients.createWebSocketApi(client);
            String integrationId = EmulatorClients.createMockIntegration(client, apiId);
            Map<String, String> ids = new HashMap<>(Map.of(
                    "IntegrationResponseTestApiId", apiId, "IntegrationResponseTestIntegrationId", integrationId));
            Map<String, JSONObject> answers = new HashMap<>();
            for (String name : List.of("create", "read", "update", "list", "delete")) {
                Path file = Path.of("sam-tests", name + ".json");
                String event = SamTestEvent.fill(Files.readString(file), ids, credentials, file.toString());
                Run run = java(
                        emulator,
                        event,
                        "-cp",
                        handlerJar + File.pathSeparator + driverDir,
                        HandlerJarDriver.class.getName(),
                        "test-entrypoint");
                assertEquals(0, run.status(), run::toString);
                JSONObject answer = new JSONObject(run.out().trim());
                assertEquals("SUCCESS", answer.getString("status"), name + ": " + answer);
                answers.put(name, answer);
                if ("create".equals(name)) {
                    ids.put(
                            "IntegrationResponseTestIntegrationResponseId",
                            answer.getJSONObject("resourceModel").getString("IntegrationResponseId"));
                }
            }
            String responseId = ids.get("IntegrationResponseTestIntegrationResponseId");
            Map<String, Object> created = new JSONObject()
                    .put("ApiId", apiId)
                    .put("IntegrationId", integrationId)
                    .put("IntegrationResponseId", responseId)
                    .put("IntegrationResponseKey", "/200/")
                    .put("ContentHandlingStrategy", "CONVERT_TO_TEXT")
                    .put("TemplateSelectionExpression", "\\$default")
                    .put("ResponseTemplates", new JSONObject().put("$default", "{\"status\": \"ok\"}"))
                    .toMap();
            assertEquals(
                    created,
                    answers.get("create").getJSONObject("resourceModel").toMap());
            assertEquals(
                    created, answers.get("read").getJSONObject("resourceModel").toMap());
            assertEquals(
                    new JSONObject()
                            .put("ApiId", apiId)
                            .put("IntegrationId", integrationId)
                            .put("IntegrationResponseId", responseId)
                            .put("IntegrationResponseKey", "/2\\d\\d/")
                            .put("ContentHandlingStrategy", "CONVERT_TO_BINARY")
                            .put(
                                    "ResponseTemplates",
                                    new JSONObject()
                                            .put("$default", "{\"status\": \"updated\"}")
                                            .put("application/json", ""))
                            .toMap(),
                    answers.get("update").getJSONObject("resourceModel").toMap());
            assertEquals(1, answers.get("list").getJSONArray("resourceModels").length());
            assertEquals(
                    responseId,
                    answers.get("list")
                            .getJSONArray("resourceModels")
                            .getJSONObject(0)
                            .getString("IntegrationResponseId"));
            assertThat(answers.get("delete").has("resourceModel")).isFalse();
            assertThat(client.getIntegrationResponses(
                                    request -> request.apiId(apiId).integrationId(integrationId))
                            .items())
                    .isEmpty();
        }
    }

    /** The event between the markers, wherever the runtime's or the SDK's log lines put them. */
    private static JSONObject marked(String out) {
        assertThat(out).contains(START, END);
        return new JSONObject(out.substring(out.indexOf(START) + START.length(), out.lastIndexOf(END)));
    }

    /**
     * Each entry point of the jar, in a fresh JVM, with a file of someone else's in its java.io.tmpdir:
     * outside Lambda the file is left alone (the directory is shared); in a simulated Lambda execution
     * environment, whose temporary directory is the function's, it is emptied before the request.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theTemporaryDirectoryIsEmptiedOnlyInsideLambda(boolean insideLambda) throws Exception {
        Map<String, String> environment = insideLambda
                ? Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001", "LAMBDA_TASK_ROOT", work.toString())
                : Map.of();
        Path driverDir = HandlerJarIT.copyDriver(work.resolve("driver"));
        try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start();
                ApiGatewayV2Client client = EmulatorClients.sdkClient(emulator)) {
            String apiId = EmulatorClients.createWebSocketApi(client);
            String integrationId = EmulatorClients.createMockIntegration(client, apiId);
            String read = HandlerJarDriver.handlerRequest(
                    "READ", HandlerJarDriver.properties(apiId, integrationId, "missing1", null, null));
            Path readEvent = Path.of("sam-tests", "read.json");
            String samRead = SamTestEvent.fill(
                    Files.readString(readEvent),
                    Map.of(
                            "IntegrationResponseTestApiId", apiId,
                            "IntegrationResponseTestIntegrationId", integrationId,
                            "IntegrationResponseTestIntegrationResponseId", "missing1"),
                    AwsSessionCredentials.create("AKIDSAMLOCAL", "sam-local-secret", "sam-local-session"),
                    readEvent.toString());
            Map<String, List<String>> entryPoints = Map.of(
                    "HandlerWrapperExecutable",
                    List.of("-cp", handlerJar.toString(), EXECUTABLE, read),
                    "HandlerWrapper::testEntrypoint",
                    List.of(
                            "-cp",
                            handlerJar + File.pathSeparator + driverDir,
                            HandlerJarDriver.class.getName(),
                            "test-entrypoint"),
                    // every action on the lean path, then input the schema rejects and provider logging through the
                    // runtime
                    "HandlerWrapper::handleRequest",
                    List.of(
                            "-cp",
                            handlerJar + File.pathSeparator + driverDir,
                            HandlerJarDriver.class.getName(),
                            "smoke",
                            apiId,
                            integrationId));
            for (Map.Entry<String, List<String>> entryPoint : entryPoints.entrySet()) {
                Path theirs = Files.writeString(childTmp.resolve("someone-elses-work.txt"), "theirs");
                Run run = java(
                        emulator,
                        entryPoint.getKey().endsWith("testEntrypoint") ? samRead : null,
                        environment,
                        entryPoint.getValue().toArray(String[]::new));
                assertEquals(0, run.status(), entryPoint.getKey() + ": " + run);
                assertThat(run.out()).as(entryPoint.getKey()).contains("\"status\"");
                if (insideLambda) {
                    assertThat(theirs).as(entryPoint.getKey()).doesNotExist();
                } else {
                    assertThat(theirs).as(entryPoint.getKey()).hasContent("theirs");
                }
            }
        }
    }

    /** A fresh JVM with a private java.io.tmpdir, pointed at the emulator; {@code input} on its standard input. */
    private Run java(LocalApiGatewayV2 emulator, String input, String... arguments) throws Exception {
        return java(emulator, input, Map.of(), arguments);
    }

    /** As above, with these environment variables (and neither of the two that mark a Lambda environment else). */
    private Run java(LocalApiGatewayV2 emulator, String input, Map<String, String> environment, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + childTmp,
                "-Daws.region=us-east-1"));
        if (emulator != null) {
            command.add("-D" + LocalApiGatewayV2.ENDPOINT_PROPERTY + "=" + emulator.url());
        }
        command.addAll(List.of(arguments));
        Path err = Files.createTempFile(work, "child-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().remove("AWS_LAMBDA_RUNTIME_API");
        builder.environment().remove("LAMBDA_TASK_ROOT");
        builder.environment().putAll(environment);
        Process child = builder.start();
        try (OutputStream stdin = child.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the child JVM ends").isTrue();
        return new Run(child.exitValue(), out, Files.readString(err));
    }
}
