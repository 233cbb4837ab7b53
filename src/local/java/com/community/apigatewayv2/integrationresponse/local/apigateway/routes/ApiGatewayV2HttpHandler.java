package com.community.apigatewayv2.integrationresponse.local.apigateway.routes;

import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.DroppedConnection;
import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import com.community.apigatewayv2.integrationresponse.local.apigateway.operations.ApiGatewayV2Operations;
import com.community.apigatewayv2.integrationresponse.local.apigateway.operations.ApiGatewayV2Operations.Result;
import com.community.apigatewayv2.integrationresponse.local.apigateway.routes.ApiGatewayV2Routes.RoutedRequest;
import com.community.apigatewayv2.integrationresponse.local.net.HttpExchanges;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The emulator's single HTTP entry point: route, count, check the session token (when one is
 * required), let the guard look at the operation (the account's quota and the fault plan), run, let
 * it look again, answer.
 * Only the method, path and outcome of a failed request are ever logged, never bodies or headers,
 * because bodies and Authorization headers may carry secrets.
 */
public final class ApiGatewayV2HttpHandler implements HttpHandler {

    /**
     * What stands around each recognised operation. It may throw a {@link ServiceException} to answer
     * with that error, or a {@link DroppedConnection} to close the connection without an answer.
     */
    @FunctionalInterface
    public interface Guard {

        /**
         * Called before the operation touches any state.
         *
         * @param operationName the service's operation name, e.g. {@code CreateIntegrationResponse}
         * @return what to call once the operation has been applied, before its answer is sent
         */
        Runnable beforeOperation(String operationName);
    }

    /** Larger than any request this resource sends; stops a runaway client from exhausting memory. */
    private static final int BODY_LIMIT_BYTES = 1024 * 1024;

    private final ObjectMapper mapper;
    private final ApiGatewayV2Routes routes = new ApiGatewayV2Routes();
    private final ApiGatewayV2Operations operations;
    private final Consumer<String> requestCounter;
    private final Supplier<String> requiredSessionToken;
    private final Guard guard;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param mapper parses request bodies (strictly) and writes answers
     * @param requestCounter told the operation name of every recognised request, failed ones included
     * @param requiredSessionToken the {@code X-Amz-Security-Token} every request must carry, or null for any
     */
    public ApiGatewayV2HttpHandler(
            ObjectMapper mapper,
            ApiGatewayV2Operations operations,
            Consumer<String> requestCounter,
            Supplier<String> requiredSessionToken,
            Guard guard) {
        this.mapper = mapper;
        this.operations = operations;
        this.requestCounter = requestCounter;
        this.requiredSessionToken = requiredSessionToken;
        this.guard = guard;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try (exchange) {
            exchange.getResponseHeaders()
                    .set("x-amzn-RequestId", UUID.randomUUID().toString());
            try {
                // read the body first so the connection stays reusable whatever the answer is
                byte[] body = HttpExchanges.readBody(exchange, BODY_LIMIT_BYTES);
                RoutedRequest routed = routes.match(exchange.getRequestMethod(), HttpExchanges.pathSegments(exchange));
                String operationName = routed.operation().serviceName();
                requestCounter.accept(operationName);
                String sessionToken = requiredSessionToken.get();
                if (sessionToken != null
                        && !sessionToken.equals(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"))) {
                    throw new ServiceException(
                            403,
                            "UnrecognizedClientException",
                            "The security token included in the request is invalid.");
                }
                Runnable afterOperation = guard.beforeOperation(operationName);
                Result result = operations.execute(
                        routed.operation(),
                        routed.pathParameters(),
                        HttpExchanges.queryParameters(exchange),
                        () -> JsonRequestBody.parse(mapper, body));
                afterOperation.run();
                if (result.body() == null) {
                    HttpExchanges.sendEmpty(exchange, result.status());
                } else {
                    HttpExchanges.sendJson(exchange, result.status(), mapper.writeValueAsBytes(result.body()));
                }
            } catch (DroppedConnection e) {
                // closing the exchange before any response header is sent closes the connection itself
                return;
            } catch (ServiceException e) {
                sendError(exchange, e);
            } catch (HttpExchanges.BodyTooLargeException e) {
                sendError(exchange, ServiceException.badRequest("Request body is too large"));
            } catch (RuntimeException e) {
                System.err.println("LocalApiGatewayV2: " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getRawPath() + " failed: " + e);
                sendError(
                        exchange,
                        new ServiceException(
                                500, "InternalServerErrorException", "Internal error in the local emulator"));
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Requests being served right now, held ones included. */
    public int inFlight() {
        return inFlight.get();
    }

    private void sendError(HttpExchange exchange, ServiceException error) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.errorType());
        if (error.allowedMethods() != null) {
            exchange.getResponseHeaders().set("Allow", error.allowedMethods());
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("message", error.getMessage());
        HttpExchanges.sendJson(exchange, error.statusCode(), mapper.writeValueAsBytes(body));
    }
}
