package com.community.apigatewayv2.integrationresponse.local.stack;

import com.community.apigatewayv2.integrationresponse.local.apigateway.LocalApiGatewayV2;
import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.community.apigatewayv2.integrationresponse.local.lambda.LocalLambdaEndpoint;
import com.community.apigatewayv2.integrationresponse.local.lambda.PrivateTmpDir;
import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * The {@link LocalDeployment} as the reliability checks use it: every answer kept whole, whatever the
 * endpoint said, and every place a canary credential could leak to watched: each answer, the
 * function's log, and the files under {@code java.io.tmpdir}. Its requests carry canary credentials
 * (hence the name). Deployments in one JVM are independent: each one's handlers are configured with
 * its own emulator's endpoint.
 */
public final class CanaryDeployment implements AutoCloseable {

    public static final String FUNCTION = LambdaInvoker.TYPE_FUNCTION;

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
    private final ByteArrayOutputStream log;
    private final LongAdder leakyAnswers = new LongAdder();
    private final LocalDeployment local;
    private final LambdaInvoker invoker;
    private final ApiGatewayV2Client seedingClient;

    private CanaryDeployment(final LocalDeployment local, final ByteArrayOutputStream log) {
        this.local = local;
        this.log = log;
        this.invoker = new LambdaInvoker(local.lambdaUri());
        this.seedingClient = local.prerequisitesClient();
    }

    /**
     * Starts both endpoints on free loopback ports.
     *
     * <p>The RPDK runtime empties {@code java.io.tmpdir} on every request, so the stack first gives the
     * JVM a new one of its own ({@link PrivateTmpDir#claim()}).
     */
    public static CanaryDeployment start() throws IOException {
        return start(TimeScale.REAL_TIME);
    }

    /**
     * As {@link #start()}, with the handler's waits for throttling (deadlines, backoff, client timeouts)
     * multiplied by {@code timeScale}; callback delays are the caller's to scale.
     */
    public static CanaryDeployment start(final TimeScale timeScale) throws IOException {
        PrivateTmpDir.claim();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        return new CanaryDeployment(
                LocalDeployment.start(
                        false,
                        null,
                        0,
                        0,
                        new PrintStream(log, true, StandardCharsets.UTF_8),
                        new LocalDeployment.Pace(timeScale, null, LocalLambdaEndpoint.DEFAULT_MAX_CONCURRENCY)),
                log);
    }

    /** Creates a WebSocket API in the emulator, as a template's AWS::ApiGatewayV2::Api would; returns its id. */
    public String createWebSocketApi(final String name) {
        return LocalDeployment.createWebSocketApi(seedingClient, name);
    }

    /** Creates a MOCK integration, the kind integration responses belong to; returns its id. */
    public String createMockIntegration(final String apiId) {
        return LocalDeployment.createMockIntegration(seedingClient, apiId);
    }

    public LocalApiGatewayV2 emulator() {
        return local.apiGateway();
    }

    public LocalLambdaEndpoint lambda() {
        return local.lambda();
    }

    public String region() {
        return local.requests().region();
    }

    /** The canary credentials every request carries: access key, secret key, session token. */
    public List<String> canaries() {
        final AwsSessionCredentials credentials = (AwsSessionCredentials) local.credentials();
        return List.of(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    /** A HandlerRequest as CloudFormation sends it, with this stack's region and canary credentials. */
    public ObjectNode handlerRequest(
            final String action, final JsonNode properties, final JsonNode previousProperties) {
        return local.requests().request(action, properties, previousProperties, null);
    }

    public Answer invoke(final String action, final JsonNode properties) {
        return invoke(action, properties, null);
    }

    public Answer invoke(final String action, final JsonNode properties, final JsonNode previousProperties) {
        return invokeRaw(handlerRequest(action, properties, previousProperties)
                .toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Sends any payload, well-formed or not, to TypeFunction. */
    public Answer invokeRaw(final byte[] payload) {
        return invokeRaw(FUNCTION, payload);
    }

    /** Sends any payload, well-formed or not, to {@code function}: TypeFunction or the TestEntrypoint. */
    public Answer invokeRaw(final String function, final byte[] payload) {
        try {
            final LambdaInvoker.Response response = invoker.send(function, payload);
            if (containsCanary(response.body())) {
                leakyAnswers.increment();
            }
            JsonNode json;
            try {
                json = mapper.readTree(response.body());
            } catch (IOException e) {
                json = null;
            }
            return new Answer(response.status(), response.functionError(), response.body(), json);
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
            leaks += files.filter(Files::isRegularFile)
                    .filter(file -> {
                        try {
                            return containsCanary(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .count();
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
        seedingClient.close();
        local.close();
    }
}
