package com.community.apigatewayv2.integrationresponse.local.apigateway;

import com.community.apigatewayv2.integrationresponse.local.apigateway.ApiGatewayV2Operations.Result;
import com.community.apigatewayv2.integrationresponse.local.apigateway.ApiGatewayV2Routes.RoutedRequest;
import com.community.apigatewayv2.integrationresponse.local.net.HttpExchanges;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The emulator's single HTTP entry point: route, count, take a token from the account's quota (when
 * one is set), consult the fault plan, run, consult it again, answer.
 * Only the method, path and outcome of a failed request are ever logged, never bodies or headers,
 * because bodies and Authorization headers may carry secrets.
 */
final class ApiGatewayV2HttpHandler implements HttpHandler {

    /** Larger than any request this resource sends; stops a runaway client from exhausting memory. */
    private static final int BODY_LIMIT_BYTES = 1024 * 1024;

    private final ObjectMapper mapper;
    private final ApiGatewayV2Routes routes = new ApiGatewayV2Routes();
    private final ApiGatewayV2Operations operations;
    private final Consumer<String> requestCounter;
    private final Supplier<FaultPlan> faultPlan;
    private final Supplier<AccountQuota> quota;
    private final Supplier<String> requiredSessionToken;
    private final AtomicInteger inFlight = new AtomicInteger();

    ApiGatewayV2HttpHandler(
            ObjectMapper mapper,
            ApiGatewayV2Store store,
            Consumer<String> requestCounter,
            Supplier<FaultPlan> faultPlan,
            IntSupplier defaultPageSize,
            Supplier<AccountQuota> quota,
            Supplier<String> requiredSessionToken) {
        this.mapper = mapper;
        this.requiredSessionToken = requiredSessionToken;
        this.quota = quota;
        this.operations = new ApiGatewayV2Operations(mapper, store, defaultPageSize);
        this.requestCounter = requestCounter;
        this.faultPlan = faultPlan;
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
                AccountQuota accountQuota = quota.get();
                if (accountQuota != null) {
                    accountQuota.admit();
                }
                FaultPlan plan = faultPlan.get();
                plan.beforeOperation(operationName);
                Result result = operations.execute(
                        routed.operation(), routed.pathParameters(), HttpExchanges.queryParameters(exchange), body);
                plan.afterOperation(operationName);
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
    int inFlight() {
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
