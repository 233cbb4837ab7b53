package com.community.apigatewayv2.integrationresponse.local;

import com.community.apigatewayv2.integrationresponse.HandlerWrapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * The whole local stack for one run: a {@link LocalApiGatewayV2}, and a {@link LocalLambdaEndpoint}
 * serving the real {@link HandlerWrapper} as {@code TypeFunction}, whose SDK client is pointed at
 * the emulator through {@code aws.endpointUrlApiGatewayV2}. Every invocation carries fresh canary
 * credentials; {@link #secretLeaks()} looks for them in every answer, the function's log and the
 * files under {@code java.io.tmpdir}.
 *
 * <p>The handler keeps one SDK client per region for the life of the JVM, so each stack invents a
 * region of its own: its client is built, against this stack's emulator, on its first request.
 * Stacks in one JVM must therefore not run at the same time.
 */
public final class HandlerStack implements AutoCloseable {

    public static final String FUNCTION = "TypeFunction";
    static final String TYPE_NAME = "Community::ApiGatewayV2::IntegrationResponse";
    private static final String ENDPOINT_PROPERTY = "aws.endpointUrlApiGatewayV2";
    private static final AtomicInteger STACKS = new AtomicInteger();

    /** An answer of the Lambda Invoke API: HTTP status, the function-error header, and the body. */
    public record Answer(int httpStatus, String functionError, String body, JsonNode json) {
        public String field(String name) {
            return json != null && json.hasNonNull(name) ? json.get(name).asText() : null;
        }

        public String status() {
            return field("status");
        }

        public String errorCode() {
            return field("errorCode");
        }

        public String message() {
            return field("message");
        }

        public JsonNode model() {
            return json == null ? null : json.get("resourceModel");
        }

        /** A progress event, not a Lambda or function error. */
        public boolean isProgressEvent() {
            return httpStatus == 200 && functionError == null && json != null && json.isObject() && status() != null;
        }

        @Override
        public String toString() {
            return httpStatus + (functionError == null ? "" : " " + functionError) + " " + body;
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final String region = "local-" + STACKS.incrementAndGet();
    private final String accessKey = "AKIACANARY" + hex(10);
    private final String secretKey = "CanarySecret" + hex(28);
    private final String sessionToken = "CanarySession" + hex(40);
    private final ByteArrayOutputStream log;
    private final LongAdder leakyAnswers = new LongAdder();
    private final LocalApiGatewayV2 emulator;
    private final LocalLambdaEndpoint lambda;
    private ApiGatewayV2Client seedingClient;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HandlerStack(LocalApiGatewayV2 emulator, LocalLambdaEndpoint lambda, ByteArrayOutputStream log) {
        this.log = log;
        this.emulator = emulator;
        this.lambda = lambda;
    }

    /**
     * Starts both endpoints on free loopback ports.
     *
     * @throws IllegalStateException when {@code java.io.tmpdir} is not private: the RPDK runtime
     *                               empties it on every request
     */
    public static HandlerStack start() throws IOException {
        Optional<String> problem = PrivateTmpDir.problemWith(System.getProperty("java.io.tmpdir"),
                System.getProperty("user.home"), System.getProperty("user.dir"));
        if (problem.isPresent()) {
            throw new IllegalStateException("refusing to run the handler: " + problem.get()
                    + "; the RPDK runtime empties java.io.tmpdir on every request");
        }
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LocalApiGatewayV2 emulator = new LocalApiGatewayV2().start();
        System.setProperty(ENDPOINT_PROPERTY, emulator.url());
        LocalLambdaEndpoint lambda = LocalLambdaEndpoint.builder()
                .port(0)
                .function(FUNCTION, new ExecutionEnvironments(HandlerWrapper::new))
                .timeout(Duration.ofSeconds(60))
                .logSink(new PrintStream(log, true, StandardCharsets.UTF_8))
                .build();
        lambda.start();
        return new HandlerStack(emulator, lambda, log);
    }

    /** Creates a WebSocket API in the emulator, as a template's AWS::ApiGatewayV2::Api would; returns its id. */
    public String createWebSocketApi(String name) {
        return seedingClient().createApi(request -> request.name(name).protocolType(ProtocolType.WEBSOCKET)
                .routeSelectionExpression("$request.body.action")).apiId();
    }

    /** Creates a MOCK integration, the kind integration responses belong to; returns its id. */
    public String createMockIntegration(String apiId) {
        return seedingClient().createIntegration(request -> request.apiId(apiId).integrationType(IntegrationType.MOCK))
                .integrationId();
    }

    @SuppressWarnings("deprecation")
    private synchronized ApiGatewayV2Client seedingClient() {
        if (seedingClient == null) {
            seedingClient = ApiGatewayV2Client.builder()
                    .endpointOverride(emulator.uri())
                    .httpClient(ApacheHttpClient.create())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build();
        }
        return seedingClient;
    }

    public LocalApiGatewayV2 emulator() {
        return emulator;
    }

    public LocalLambdaEndpoint lambda() {
        return lambda;
    }

    public String region() {
        return region;
    }

    /** The canary credentials every request carries: access key, secret key, session token. */
    public List<String> canaries() {
        return List.of(accessKey, secretKey, sessionToken);
    }

    /** A HandlerRequest as CloudFormation sends it, with this stack's region and canary credentials. */
    public ObjectNode handlerRequest(String action, JsonNode properties, JsonNode previousProperties) {
        ObjectNode request = mapper.createObjectNode();
        request.put("action", action);
        request.put("awsAccountId", LocalLambdaContext.ACCOUNT_ID);
        request.put("bearerToken", UUID.randomUUID().toString());
        request.put("region", region);
        request.put("resourceType", TYPE_NAME);
        request.put("resourceTypeVersion", "00000001");
        request.put("stackId", "arn:aws:cloudformation:" + region + ":" + LocalLambdaContext.ACCOUNT_ID
                + ":stack/chaos/" + UUID.randomUUID());
        ObjectNode requestData = request.putObject("requestData");
        ObjectNode credentials = requestData.putObject("callerCredentials");
        credentials.put("accessKeyId", accessKey);
        credentials.put("secretAccessKey", secretKey);
        credentials.put("sessionToken", sessionToken);
        requestData.put("logicalResourceId", "IntegrationResponse");
        if (properties != null) {
            requestData.set("resourceProperties", properties);
        }
        if (previousProperties != null) {
            requestData.set("previousResourceProperties", previousProperties);
        }
        return request;
    }

    public Answer invoke(String action, JsonNode properties) {
        return invoke(action, properties, null);
    }

    public Answer invoke(String action, JsonNode properties, JsonNode previousProperties) {
        return invokeRaw(handlerRequest(action, properties, previousProperties).toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Sends any payload, well-formed or not, to TypeFunction. */
    public Answer invokeRaw(byte[] payload) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(lambda.url() + "/2015-03-31/functions/" + FUNCTION + "/invocations"))
                .timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            if (containsCanary(body)) {
                leakyAnswers.increment();
            }
            JsonNode json;
            try {
                json = mapper.readTree(body);
            } catch (IOException e) {
                json = null;
            }
            return new Answer(response.statusCode(),
                    response.headers().firstValue("X-Amz-Function-Error").orElse(null), body, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Everything the function logged so far. */
    public String log() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Places a canary credential was found: each answer that held one, the function's log, and
     * each file under {@code java.io.tmpdir} that holds one.
     */
    public long secretLeaks() {
        long leaks = leakyAnswers.sum() + (containsCanary(log()) ? 1 : 0);
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("java.io.tmpdir")))) {
            leaks += files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return containsCanary(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return leaks;
    }

    boolean containsCanary(String text) {
        return text != null && canaries().stream().anyMatch(text::contains);
    }

    @Override
    public void close() {
        if (seedingClient != null) {
            seedingClient.close();
        }
        lambda.close();
        emulator.close();
    }

    private static String hex(int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT));
        }
        return out.substring(0, length);
    }
}
