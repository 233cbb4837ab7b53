package com.community.apigatewayv2.integrationresponse.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls the Lambda Invoke API the way CloudFormation and {@code cfn invoke} do, and builds what one
 * re-invocation after IN_PROGRESS takes; the loop around it is {@code local.stack.CloudFormationDriver}'s.
 */
public final class LambdaInvoker {
    public static final String TYPE_FUNCTION = "TypeFunction";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    /** HTTP/1.1 only: the JDK client's h2c upgrade attempts are no use against Lambda-style endpoints. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public LambdaInvoker(final URI endpoint) {
        this.endpoint = endpoint;
    }

    /** One invocation; a Lambda-level error (not a progress event) is thrown as {@link LambdaError}. */
    public JsonNode invoke(final String function, final JsonNode payload) throws IOException, InterruptedException {
        return invokeRaw(function, JSON.writeValueAsString(payload));
    }

    public JsonNode invokeRaw(final String function, final String payload) throws IOException, InterruptedException {
        final Response response = send(function, payload.getBytes(StandardCharsets.UTF_8));
        if (response.status() != 200 || response.functionError() != null) {
            throw new LambdaError(response.status(), response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Sends any payload, well-formed or not, and returns whatever the endpoint answered. */
    public Response send(final String function, final byte[] payload) throws IOException, InterruptedException {
        final HttpRequest request = HttpRequest.newBuilder(
                        endpoint.resolve("/2015-03-31/functions/" + function + "/invocations"))
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        final HttpResponse<String> response =
                http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(
                response.statusCode(),
                response.headers().firstValue("X-Amz-Function-Error").orElse(null),
                response.body());
    }

    /** What the Lambda Invoke API answered: HTTP status, the function-error header (or null), the body. */
    public record Response(int status, String functionError, String body) {}

    /** The delay an IN_PROGRESS event asks for before it is invoked again. */
    public static Duration callbackDelay(final JsonNode event) {
        return Duration.ofSeconds(Math.max(0, event.path("callbackDelaySeconds").asLong(0)));
    }

    /**
     * The request CloudFormation sends after an IN_PROGRESS event: the same request, with the event's
     * callback context and, when it carries one, its model as the desired state. The original is unchanged.
     */
    public static ObjectNode reinvocation(final ObjectNode request, final JsonNode event) {
        final ObjectNode next = request.deepCopy();
        next.set("callbackContext", event.get("callbackContext"));
        if (event.hasNonNull("resourceModel")) {
            ((ObjectNode) next.get("requestData")).set("resourceProperties", event.get("resourceModel"));
        }
        return next;
    }

    /** The endpoint answered with an error instead of the handler's output. */
    public static final class LambdaError extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String body;

        LambdaError(final int status, final String body) {
            super("Lambda endpoint answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }
}
