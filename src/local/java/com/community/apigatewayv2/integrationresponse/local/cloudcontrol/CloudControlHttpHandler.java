package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import com.community.apigatewayv2.integrationresponse.local.net.HttpExchanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The endpoint's one HTTP entry point. A request with {@code X-Amz-Target: CloudApiService.<Operation>}
 * is Cloud Control (awsJson1_0); a form-encoded one is a CloudFormation registry query. Only the
 * operation and outcome of a failed request are ever logged, never bodies, which carry resource
 * properties.
 */
final class CloudControlHttpHandler implements HttpHandler {
    static final String TARGET_PREFIX = "CloudApiService.";
    private static final String JSON_1_0 = "application/x-amz-json-1.0";
    private static final int BODY_LIMIT_BYTES = 2 * 1024 * 1024;

    private final ObjectMapper json;
    private final CloudControlOperations operations;
    private final RegistryQueries registry;

    CloudControlHttpHandler(
            final ObjectMapper json, final CloudControlOperations operations, final RegistryQueries registry) {
        this.json = json;
        this.operations = operations;
        this.registry = registry;
    }

    @Override
    public void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders()
                    .set("x-amzn-RequestId", UUID.randomUUID().toString());
            final byte[] body;
            try {
                body = HttpExchanges.readBody(exchange, BODY_LIMIT_BYTES);
            } catch (HttpExchanges.BodyTooLargeException e) {
                sendError(exchange, new CloudControlException("SerializationException", "Request body is too large"));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"/".equals(exchange.getRequestURI().getRawPath())) {
                sendError(
                        exchange,
                        new CloudControlException(
                                "UnknownOperationException",
                                "Cloud Control API and the CloudFormation registry are served at POST /"));
                return;
            }
            final String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target == null) {
                final RegistryQueries.Answer answer = registry.handle(new String(body, StandardCharsets.UTF_8));
                send(exchange, answer.status(), "text/xml", answer.xml().getBytes(StandardCharsets.UTF_8));
                return;
            }
            cloudControl(exchange, target, body);
        }
    }

    private void cloudControl(final HttpExchange exchange, final String target, final byte[] body) throws IOException {
        final String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
        try {
            if (!CloudControlOperations.NAMES.contains(operation)) {
                throw new CloudControlException(
                        "UnknownOperationException", "Cloud Control API has no operation named by " + target);
            }
            final JsonNode input;
            try {
                input = body.length == 0 ? json.createObjectNode() : json.readTree(body);
            } catch (IOException e) {
                throw new CloudControlException("SerializationException", "The request body is not valid JSON");
            }
            if (input == null || !input.isObject()) {
                throw new CloudControlException("SerializationException", "The request body must be a JSON object");
            }
            send(exchange, 200, JSON_1_0, json.writeValueAsBytes(operations.execute(operation, input)));
        } catch (CloudControlException e) {
            sendError(exchange, e);
        } catch (RuntimeException e) {
            System.err.println("LocalCloudControl: " + operation + " failed: "
                    + e.getClass().getName());
            sendError(
                    exchange,
                    new CloudControlException(
                            "ServiceInternalErrorException", "Internal error in the local Cloud Control API"));
        }
    }

    private void sendError(final HttpExchange exchange, final CloudControlException error) throws IOException {
        final ObjectNode body =
                json.createObjectNode().put("__type", error.type()).put("Message", error.getMessage());
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type());
        send(exchange, error.status(), JSON_1_0, json.writeValueAsBytes(body));
    }

    private static void send(final HttpExchange exchange, final int status, final String type, final byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
