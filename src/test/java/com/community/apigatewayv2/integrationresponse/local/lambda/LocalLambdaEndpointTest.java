package com.community.apigatewayv2.integrationresponse.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Lambda Invoke API over plain HTTP, with fake handlers standing in for the RPDK wrapper. */
class LocalLambdaEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final Map<String, Context> contextsSeen = new ConcurrentHashMap<>();
    private final AtomicInteger concurrentNow = new AtomicInteger();
    private final AtomicInteger concurrentPeak = new AtomicInteger();
    private final CyclicBarrier allSixteenRunning = new CyclicBarrier(16);
    private final CountDownLatch slowHandlerInterrupted = new CountDownLatch(1);
    private LocalLambdaEndpoint endpoint;
    private HttpClient http;

    /** Writes its input back, after logging through the context. */
    private RequestStreamHandler echo() {
        return (in, out, context) -> {
            contextsSeen.put(context.getAwsRequestId(), context);
            context.getLogger().log("echo invoked\n");
            in.transferTo(out);
        };
    }

    /** Holds every invocation until sixteen are running at once: they can only all return if they ran in parallel. */
    private RequestStreamHandler parallelProbe() {
        return (in, out, context) -> {
            concurrentPeak.accumulateAndGet(concurrentNow.incrementAndGet(), Math::max);
            try {
                allSixteenRunning.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("fewer than sixteen invocations ran at once", e);
            } finally {
                concurrentNow.decrementAndGet();
            }
            in.transferTo(out);
        };
    }

    private RequestStreamHandler slow() {
        return (in, out, context) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                slowHandlerInterrupted.countDown();
                Thread.currentThread().interrupt();
            }
        };
    }

    @BeforeEach
    void start() throws IOException {
        RequestStreamHandler throwing = (in, out, context) -> {
            throw new IllegalArgumentException("handler blew up");
        };
        endpoint = LocalLambdaEndpoint.builder()
                .port(0)
                .function("Echo", echo())
                .function("Throwing", throwing)
                .function("Slow", slow())
                .function("Parallel", parallelProbe())
                .timeout(TIMEOUT)
                .memoryLimitInMb(512)
                .logSink(new PrintStream(logs, true, StandardCharsets.UTF_8))
                .build()
                .start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private HttpResponse<String> invoke(String function, String body) throws Exception {
        return send("POST", "/2015-03-31/functions/" + function + "/invocations", body);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build();
        return http.send(request, BodyHandlers.ofString());
    }

    @Test
    void returnsTheHandlersOutput() throws Exception {
        String payload = "{\"action\":\"CREATE\",\"requestData\":{\"resourceProperties\":{\"a\":[1,2]}}}";
        HttpResponse<String> response = invoke("Echo", payload);

        assertEquals(200, response.statusCode());
        assertEquals(payload, response.body());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        assertFalse(response.headers().firstValue("X-Amz-Function-Error").isPresent());
        assertEquals(1, endpoint.invocationCount("Echo"));
        assertEquals("echo invoked\n", logs.toString(StandardCharsets.UTF_8));
    }

    @Test
    void eachInvocationGetsAFreshContext() throws Exception {
        invoke("Echo", "{}");
        invoke("Echo", "{}");

        assertEquals(2, contextsSeen.size(), "a new awsRequestId per invocation");
        for (Context context : contextsSeen.values()) {
            assertEquals("Echo", context.getFunctionName());
            assertEquals(512, context.getMemoryLimitInMB());
            assertEquals("arn:aws:lambda:us-east-1:123456789012:function:Echo", context.getInvokedFunctionArn());
            assertTrue(context.getRemainingTimeInMillis() <= TIMEOUT.toMillis());
        }
    }

    @Test
    void aThrowingHandlerIsAnUnhandledFunctionError() throws Exception {
        HttpResponse<String> response = invoke("Throwing", "{}");

        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("Unhandled"), response.headers().firstValue("X-Amz-Function-Error"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals("handler blew up", body.path("errorMessage").asText());
        assertEquals(
                "java.lang.IllegalArgumentException", body.path("errorType").asText());
        assertTrue(body.path("stackTrace").isArray());
        assertEquals(1, endpoint.invocationCount("Throwing"));
    }

    @Test
    void aHandlerThatOverrunsItsTimeoutIsAnsweredAndInterrupted() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = invoke("Slow", "{}");
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("Unhandled"), response.headers().firstValue("X-Amz-Function-Error"));
        assertEquals(
                "Task timed out after 0.30 seconds",
                JSON.readTree(response.body()).path("errorMessage").asText());
        assertTrue(
                elapsedMillis >= TIMEOUT.toMillis() && elapsedMillis < 3000,
                "answered at the deadline: " + elapsedMillis);
        assertTrue(slowHandlerInterrupted.await(2, TimeUnit.SECONDS), "the overrunning handler is interrupted");
        assertEquals(200, invoke("Echo", "{}").statusCode(), "the endpoint keeps serving");
    }

    @Test
    void anUnknownFunctionIsResourceNotFound() throws Exception {
        HttpResponse<String> response = invoke("Nope", "{}");

        assertEquals(404, response.statusCode());
        assertEquals(
                Optional.of("ResourceNotFoundException"), response.headers().firstValue("x-amzn-ErrorType"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals("User", body.path("Type").asText());
        assertEquals(
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope",
                body.path("message").asText());
        assertEquals(Map.of(), endpoint.invocationCounts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{not json", "{\"a\":1} trailing", "   "})
    void aBodyThatIsNotJsonIsInvalidRequestContent(String body) throws Exception {
        HttpResponse<String> response = invoke("Echo", body);

        assertEquals(400, response.statusCode());
        assertEquals(
                Optional.of("InvalidRequestContentException"),
                response.headers().firstValue("x-amzn-ErrorType"));
        assertTrue(JSON.readTree(response.body()).path("message").asText().startsWith("Could not parse request body"));
        assertEquals(0, endpoint.invocationCount("Echo"), "the handler never ran");
    }

    @Test
    void wrongPathsAndMethodsAreJsonErrors() throws Exception {
        HttpResponse<String> unknownPath = send("POST", "/2015-03-31/functions/Echo", "{}");
        assertEquals(404, unknownPath.statusCode());
        assertTrue(JSON.readTree(unknownPath.body()).path("message").isTextual());

        HttpResponse<String> wrongMethod = send("GET", "/2015-03-31/functions/Echo/invocations", null);
        assertEquals(405, wrongMethod.statusCode());
        assertEquals(
                Optional.of("MethodNotAllowedException"), wrongMethod.headers().firstValue("x-amzn-ErrorType"));
        assertEquals(Optional.of("POST"), wrongMethod.headers().firstValue("Allow"));
        assertEquals(0, endpoint.invocationCount("Echo"));
    }

    @Test
    void onlySynchronousInvocationsAreServed() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(endpoint.url() + "/2015-03-31/functions/Echo/invocations"))
                .header("X-Amz-Invocation-Type", "Event")
                .POST(BodyPublishers.ofString("{}"))
                .build();
        assertEquals(400, http.send(request, BodyHandlers.ofString()).statusCode());
    }

    @Test
    void sixteenInvocationsRunInParallel() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(endpoint.url() + "/2015-03-31/functions/Parallel/invocations"))
                    .POST(BodyPublishers.ofString("{\"n\":" + i + "}"))
                    .build();
            calls.add(http.sendAsync(request, BodyHandlers.ofString()));
        }
        Set<String> bodies = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            bodies.add(response.body());
        }

        assertEquals(16, bodies.size(), "each caller got its own answer");
        assertEquals(16, concurrentPeak.get(), "all sixteen ran at the same time");
        assertEquals(16, endpoint.invocationCount("Parallel"));
    }

    @Test
    void beyondMaxConcurrencyCallsAreThrottled() throws Exception {
        try (LocalLambdaEndpoint narrow = LocalLambdaEndpoint.builder()
                .port(0)
                .maxConcurrency(1)
                .function("Slow", slow())
                .function("Echo", echo())
                .timeout(Duration.ofSeconds(2))
                .build()
                .start()) {
            HttpRequest slowCall = HttpRequest.newBuilder(
                            URI.create(narrow.url() + "/2015-03-31/functions/Slow/invocations"))
                    .POST(BodyPublishers.ofString("{}"))
                    .build();
            CompletableFuture<HttpResponse<String>> pending = http.sendAsync(slowCall, BodyHandlers.ofString());
            HttpResponse<String> throttled;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            do {
                throttled = http.send(
                        HttpRequest.newBuilder(URI.create(narrow.url() + "/2015-03-31/functions/Echo/invocations"))
                                .POST(BodyPublishers.ofString("{}"))
                                .build(),
                        BodyHandlers.ofString());
            } while (throttled.statusCode() == 200 && System.nanoTime() < deadline);

            assertEquals(429, throttled.statusCode());
            assertEquals(
                    Optional.of("TooManyRequestsException"), throttled.headers().firstValue("x-amzn-ErrorType"));
            pending.cancel(true);
        }
    }

    @Test
    void closeIsPromptAndIdempotent() throws Exception {
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(
                HttpRequest.newBuilder(URI.create(endpoint.url() + "/2015-03-31/functions/Slow/invocations"))
                        .POST(BodyPublishers.ofString("{}"))
                        .build(),
                BodyHandlers.ofString());
        Thread.sleep(50);
        long started = System.nanoTime();
        endpoint.close();
        endpoint.close();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 1500);
        pending.cancel(true);
    }

    @Test
    void theConstructorServesTheGivenFunctions() throws Exception {
        RequestStreamHandler constant = (InputStream in, OutputStream out, Context context) ->
                out.write("\"ok\"".getBytes(StandardCharsets.UTF_8));
        try (LocalLambdaEndpoint simple = new LocalLambdaEndpoint(0, Map.of("TypeFunction", constant)).start()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(simple.url() + "/2015-03-31/functions/TypeFunction/invocations"))
                            .POST(BodyPublishers.ofString("{}"))
                            .build(),
                    BodyHandlers.ofString());
            assertEquals("\"ok\"", response.body());
            assertTrue(simple.url().matches("http://127\\.0\\.0\\.1:\\d+"));
        }
    }
}
