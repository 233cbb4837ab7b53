package com.community.apigatewayv2.integrationresponse.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.community.apigatewayv2.integrationresponse.local.net.HttpExchanges;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Serves {@code POST /2015-03-31/functions/{name}/invocations} as the Lambda Invoke API does:
 * the handler's output on success, a function error (200 with {@code X-Amz-Function-Error}) when
 * the handler throws or runs out of time, and Lambda's own error shapes for bad requests. Bodies
 * are never logged.
 */
final class LambdaInvokeHandler implements HttpHandler {

    /** Lambda's limit for a synchronous request payload. */
    static final int PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Map<String, RequestStreamHandler> functions;
    private final ExecutorService workers;
    /**
     * The concurrency: a permit per invocation running, given back as soon as it has answered, before
     * its answer is sent, so a caller who has the answer never finds the slot still taken.
     */
    private final Semaphore slots;

    private final Duration timeout;
    private final int memoryLimitInMb;
    private final PrintStreamLambdaLogger logger;
    private final Consumer<String> invocationCounter;

    LambdaInvokeHandler(
            Map<String, RequestStreamHandler> functions,
            ExecutorService workers,
            int maxConcurrency,
            Duration timeout,
            int memoryLimitInMb,
            PrintStreamLambdaLogger logger,
            Consumer<String> invocationCounter) {
        this.functions = functions;
        this.workers = workers;
        this.slots = new Semaphore(maxConcurrency);
        this.timeout = timeout;
        this.memoryLimitInMb = memoryLimitInMb;
        this.logger = logger;
        this.invocationCounter = invocationCounter;
    }

    /** A Lambda service error: not the function's fault, so no X-Amz-Function-Error. */
    private static final class LambdaServiceError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String type;

        LambdaServiceError(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                byte[] body = HttpExchanges.readBody(exchange, PAYLOAD_LIMIT_BYTES);
                String functionName = functionName(exchange);
                RequestStreamHandler function = functions.get(functionName);
                if (function == null) {
                    throw new LambdaServiceError(
                            404,
                            "ResourceNotFoundException",
                            "Function not found: " + LocalLambdaContext.functionArn(functionName));
                }
                requireSynchronous(exchange);
                requireJson(body);
                invoke(exchange, functionName, function, body);
            } catch (HttpExchanges.BodyTooLargeException e) {
                sendServiceError(
                        exchange,
                        new LambdaServiceError(
                                413,
                                "RequestTooLargeException",
                                "Request must be smaller than " + PAYLOAD_LIMIT_BYTES
                                        + " bytes for the InvokeFunction operation"));
            } catch (LambdaServiceError e) {
                sendServiceError(exchange, e);
            }
        }
    }

    private static String functionName(HttpExchange exchange) throws LambdaServiceError {
        List<String> path = HttpExchanges.pathSegments(exchange);
        boolean invocationsPath = path.size() == 4
                && path.get(0).equals("2015-03-31")
                && path.get(1).equals("functions")
                && path.get(3).equals("invocations");
        if (!invocationsPath) {
            throw new LambdaServiceError(
                    404,
                    "UnknownOperationException",
                    "Unknown operation: only POST /2015-03-31/functions/{name}/invocations is served");
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            throw new LambdaServiceError(
                    405,
                    "MethodNotAllowedException",
                    "Method " + exchange.getRequestMethod() + " is not allowed; use POST");
        }
        return path.get(2);
    }

    private static void requireSynchronous(HttpExchange exchange) throws LambdaServiceError {
        String invocationType = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        if (invocationType != null && !invocationType.equals("RequestResponse")) {
            throw new LambdaServiceError(
                    400,
                    "InvalidParameterValueException",
                    "Only the RequestResponse invocation type is supported locally");
        }
    }

    private void requireJson(byte[] body) throws LambdaServiceError {
        try {
            if (body.length == 0 || mapper.readTree(body).isMissingNode()) {
                throw new LambdaServiceError(
                        400,
                        "InvalidRequestContentException",
                        "Could not parse request body into json: the body is empty");
            }
        } catch (JsonProcessingException e) {
            throw new LambdaServiceError(
                    400,
                    "InvalidRequestContentException",
                    "Could not parse request body into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LambdaServiceError(400, "InvalidRequestContentException", "Could not read request body");
        }
    }

    private void invoke(HttpExchange exchange, String functionName, RequestStreamHandler function, byte[] body)
            throws IOException, LambdaServiceError {
        String requestId = UUID.randomUUID().toString();
        LocalLambdaContext context = new LocalLambdaContext(requestId, functionName, timeout, memoryLimitInMb, logger);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Future<?> running;
        long begun = System.nanoTime();
        if (!slots.tryAcquire()) {
            throw new LambdaServiceError(429, "TooManyRequestsException", "Rate Exceeded.");
        }
        try {
            running = workers.submit(() -> {
                logger.line("START RequestId: " + requestId + " Version: $LATEST");
                return logger.during(requestId, () -> {
                    function.handleRequest(new ByteArrayInputStream(body), output, context);
                    return null;
                });
            });
        } catch (RejectedExecutionException e) {
            // only a pool that is shutting down refuses work
            slots.release();
            throw new LambdaServiceError(503, "ServiceException", "The local endpoint is shutting down");
        }
        invocationCounter.accept(functionName);
        exchange.getResponseHeaders().set("x-amzn-RequestId", context.getAwsRequestId());
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
        try {
            awaitAndRelease(running);
            report(requestId, begun, "");
            HttpExchanges.sendJson(exchange, 200, output.toByteArray());
        } catch (ExecutionException e) {
            report(requestId, begun, "");
            sendFunctionError(exchange, unhandled(e.getCause()));
        } catch (TimeoutException e) {
            running.cancel(true);
            report(requestId, begun, "\tStatus: timeout");
            ObjectNode error = mapper.createObjectNode();
            error.put(
                    "errorMessage",
                    String.format(Locale.ROOT, "Task timed out after %.2f seconds", timeout.toMillis() / 1000.0));
            sendFunctionError(exchange, error);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new LambdaServiceError(503, "ServiceException", "The local endpoint is shutting down");
        }
    }

    /** Waits for the invocation within the timeout; either way its slot is free when this returns. */
    private void awaitAndRelease(Future<?> running) throws ExecutionException, TimeoutException, InterruptedException {
        try {
            running.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            slots.release();
        }
    }

    /** Lambda's END and REPORT lines for an invocation begun at {@code begun} (nanoTime). */
    private void report(String requestId, long begun, String status) {
        double millis = (System.nanoTime() - begun) / 1_000_000.0;
        logger.line("END RequestId: " + requestId);
        logger.line(String.format(
                Locale.ROOT,
                "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB%s",
                requestId,
                millis,
                (long) Math.ceil(millis),
                memoryLimitInMb,
                status));
    }

    /** The body the Java runtime returns for an exception that escapes the handler. */
    private ObjectNode unhandled(Throwable thrown) {
        ObjectNode error = mapper.createObjectNode();
        error.put(
                "errorMessage",
                thrown.getMessage() != null
                        ? thrown.getMessage()
                        : thrown.getClass().getName());
        error.put("errorType", thrown.getClass().getName());
        ArrayNode stackTrace = error.putArray("stackTrace");
        for (StackTraceElement frame : thrown.getStackTrace()) {
            stackTrace.add(frame.toString());
        }
        return error;
    }

    private void sendFunctionError(HttpExchange exchange, ObjectNode error) throws IOException {
        exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
        HttpExchanges.sendJson(exchange, 200, mapper.writeValueAsBytes(error));
    }

    private void sendServiceError(HttpExchange exchange, LambdaServiceError error) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type);
        ObjectNode body = mapper.createObjectNode();
        body.put("Type", "User");
        body.put("message", error.getMessage());
        HttpExchanges.sendJson(exchange, error.status, mapper.writeValueAsBytes(body));
    }
}
