package com.community.apigatewayv2.integrationresponse.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.local.apigateway.EmulatorClients;
import com.community.apigatewayv2.integrationresponse.local.apigateway.LocalApiGatewayV2;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * The handler jar this build packaged, started in a fresh JVM the way Lambda starts it: every action
 * through {@code HandlerWrapper.handleRequest}, the error paths, and the runtime's CloudWatch clients.
 * A trim of the jar that drops a class any of them loads fails here.
 */
class HandlerJarIT {

    private static final String DRIVER = HandlerJarDriver.class.getName();

    @Test
    void everyActionRunsFromTheHandlerJarInAFreshJvm() throws Exception {
        Path handlerJar = Path.of(System.getProperty("handler.jar.path"));
        assertThat(handlerJar).exists();
        Path work = Files.createTempDirectory(Path.of(System.getProperty("it.work.dir")), "handler-jar-");
        Path driverDir = copyDriver(work.resolve("driver"));
        Path childTmp = Files.createDirectories(work.resolve("tmp"));

        try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start();
                ApiGatewayV2Client client = EmulatorClients.sdkClient(emulator)) {
            String apiId = EmulatorClients.createWebSocketApi(client);
            String integrationId = EmulatorClients.createMockIntegration(client, apiId);
            emulator.resetCounts();

            Map<String, JSONObject> responses = runDriver(
                    List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Djava.io.tmpdir=" + childTmp,
                            "-Daws.region=us-east-1",
                            "-Daws.endpointUrl=" + emulator.url(),
                            "-D" + LocalApiGatewayV2.ENDPOINT_PROPERTY + "=" + emulator.url(),
                            "-cp",
                            handlerJar + java.io.File.pathSeparator + driverDir,
                            DRIVER,
                            "smoke",
                            apiId,
                            integrationId),
                    work.resolve("child.log"));

            assertThat(responses.keySet())
                    .containsExactly(
                            "CREATE",
                            "READ",
                            "UPDATE",
                            "LIST",
                            "DELETE",
                            "READ_DELETED",
                            "CREATE_INVALID",
                            "LIST_WITH_PROVIDER_LOGGING");
            for (String action : List.of("CREATE", "READ", "UPDATE", "LIST", "DELETE", "LIST_WITH_PROVIDER_LOGGING")) {
                assertEquals(
                        "SUCCESS", responses.get(action).getString("status"), action + ": " + responses.get(action));
            }
            String responseId =
                    responses.get("CREATE").getJSONObject("resourceModel").getString("IntegrationResponseId");
            assertEquals(
                    responseId,
                    responses.get("READ").getJSONObject("resourceModel").getString("IntegrationResponseId"));
            assertEquals(
                    "/201/",
                    responses.get("UPDATE").getJSONObject("resourceModel").getString("IntegrationResponseKey"));
            assertEquals(1, responses.get("LIST").getJSONArray("resourceModels").length());
            assertThat(responses.get("DELETE").has("resourceModel")).isFalse();
            assertEquals("NotFound", responses.get("READ_DELETED").getString("errorCode"));
            assertEquals("InvalidRequest", responses.get("CREATE_INVALID").getString("errorCode"));

            Map<String, Long> counts = emulator.requestCounts();
            assertEquals(1, emulator.requestCount("CreateIntegrationResponse"), counts::toString);
            assertEquals(1, emulator.requestCount("UpdateIntegrationResponse"), counts::toString);
            assertEquals(1, emulator.requestCount("DeleteIntegrationResponse"));
            // READ, UPDATE's read-back, READ after delete
            assertEquals(3, emulator.requestCount("GetIntegrationResponse"));
            assertEquals(2, emulator.requestCount("GetIntegrationResponses"));
        }
    }

    /**
     * A CREATE in the shape CloudFormation sends is served without the runtime's Jackson mapping:
     * in a fresh JVM, not one Jackson databind class loads (its start-up was most of a cold start).
     */
    @Test
    void aCreateInTheUsualShapeLoadsNoJacksonMapping() throws Exception {
        Path handlerJar = Path.of(System.getProperty("handler.jar.path"));
        Path work = Files.createTempDirectory(Path.of(System.getProperty("it.work.dir")), "lean-create-");
        Path driverDir = copyDriver(work.resolve("driver"));
        Path childTmp = Files.createDirectories(work.resolve("tmp"));
        Path classes = work.resolve("classes.log");

        try (LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start();
                ApiGatewayV2Client client = EmulatorClients.sdkClient(emulator)) {
            String apiId = EmulatorClients.createWebSocketApi(client);
            String integrationId = EmulatorClients.createMockIntegration(client, apiId);
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xlog:class+load=info:file=" + classes,
                            "-Djava.io.tmpdir=" + childTmp,
                            "-Daws.region=us-east-1",
                            "-cp",
                            handlerJar + java.io.File.pathSeparator + driverDir,
                            DRIVER,
                            "create",
                            apiId,
                            integrationId,
                            "/lean/")
                    .redirectError(work.resolve("child.log").toFile());
            // the environment's endpoint setting, as a user pointing the jar at another endpoint gives it
            builder.environment().put("AWS_ENDPOINT_URL_APIGATEWAYV2", emulator.url());
            builder.environment().remove("AWS_ENDPOINT_URL");
            Process child = builder.start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(2, TimeUnit.MINUTES))
                    .as("the child JVM ends")
                    .isTrue();
            assertThat(output).as(output).contains("\"status\":\"SUCCESS\"", "IntegrationResponseId");
        }
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded)
                .anyMatch(line -> line.contains(" com.community.apigatewayv2.integrationresponse.lambda.LeanRequest "));
        assertThat(loaded).noneMatch(line -> line.contains(" com.fasterxml.jackson.databind."));
    }

    /**
     * The build keeps only part of the runtime's CloudWatch and CloudWatch Logs model (see the shade
     * filters). Against the emulator those calls fail before most of them are made, so here every
     * class the jar keeps of the three services must load, and each operation the runtime calls must
     * link and initialise whole (request and response with their builders, marshaller, error classes),
     * in a class loader that sees only the jar.
     */
    @Test
    void theServiceOperationsTheJarKeepsLinkWithoutTheDroppedClasses() throws Exception {
        Path handlerJar = Path.of(System.getProperty("handler.jar.path"));
        List<String> kept = new ArrayList<>();
        try (ZipFile jar = new ZipFile(handlerJar.toFile())) {
            jar.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.matches(
                            "software/amazon/awssdk/services/(cloudwatch|cloudwatchlogs|apigatewayv2)/.*\\.class"))
                    .forEach(name -> kept.add(
                            name.substring(0, name.length() - ".class".length()).replace('/', '.')));
        }
        Map<String, List<String>> operations = Map.of(
                "cloudwatch", List.of("PutMetricData"),
                "cloudwatchlogs",
                        List.of(
                                "DescribeLogGroups",
                                "CreateLogGroup",
                                "CreateLogStream",
                                "PutLogEvents",
                                "DescribeLogStreams"),
                "apigatewayv2",
                        List.of(
                                "CreateIntegrationResponse",
                                "GetIntegrationResponse",
                                "GetIntegrationResponses",
                                "UpdateIntegrationResponse",
                                "DeleteIntegrationResponse"));
        try (URLClassLoader jarOnly =
                new URLClassLoader(new URL[] {handlerJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : kept) {
                Class.forName(name, false, jarOnly);
            }
            for (Map.Entry<String, List<String>> service : operations.entrySet()) {
                String base = "software.amazon.awssdk.services." + service.getKey() + ".";
                for (String className : kept) {
                    boolean clientOrError = className.startsWith(base)
                                    && !className.substring(base.length()).contains(".")
                                    && className.contains("Default")
                            || className.startsWith(base + "model.") && className.endsWith("Exception");
                    if (clientOrError) {
                        Class.forName(className, true, jarOnly);
                    }
                }
                for (String operation : service.getValue()) {
                    for (String shape : List.of("model." + operation + "Request", "model." + operation + "Response")) {
                        Object built = Class.forName(base + shape, true, jarOnly)
                                .getMethod("builder")
                                .invoke(null);
                        Class<?> builder = Class.forName(base + shape + "$BuilderImpl", true, jarOnly);
                        assertThat(builder).isAssignableFrom(built.getClass());
                        Method build = builder.getMethod("build");
                        build.setAccessible(true);
                        assertThat(build.invoke(built)).isNotNull();
                    }
                    Class.forName(base + "transform." + operation + "RequestMarshaller", true, jarOnly);
                }
            }
        }
    }

    static Path copyDriver(Path driverDir) throws IOException {
        String packagePath = HandlerJarDriver.class.getPackageName().replace('.', '/');
        Path source = Path.of(System.getProperty("it.classes.dir"), packagePath);
        Path target = Files.createDirectories(driverDir.resolve(packagePath));
        try (Stream<Path> classes = Files.list(source)) {
            for (Path file : (Iterable<Path>) classes::iterator) {
                String name = file.getFileName().toString();
                if (name.equals("HandlerJarDriver.class") || name.startsWith("HandlerJarDriver$")) {
                    Files.copy(file, target.resolve(name));
                }
            }
        }
        return driverDir;
    }

    /** Runs the child and returns its responses by label, in order. */
    private static Map<String, JSONObject> runDriver(List<String> command, Path log) throws Exception {
        Process child = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the child JVM ends").isTrue();
        assertEquals(0, child.exitValue(), () -> output + readQuietly(log));
        Map<String, JSONObject> responses = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            responses.put(line.substring(0, space), new JSONObject(line.substring(space + 1)));
        }
        return responses;
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
