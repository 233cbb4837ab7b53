package com.community.apigatewayv2.integrationresponse.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.concurrent.ExecutionException;
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
    /** Long enough that no quick function meets it on a loaded machine; the slow cases have their own endpoint. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final Map<String, Context> contextsSeen = new ConcurrentHashMap<>();
    private final AtomicInteger concurrentNow = new AtomicInteger();
    private final AtomicInteger concurrentPeak = new AtomicInteger();
    private final CyclicBarrier allSixteenRunning = new CyclicBarrier(16);
    /** Counted down when a blocking invocation is running. */
    private final CountDownLatch blockingStarted = new CountDownLatch(1);
    /** Counted down when a blocking invocation was interrupted. */
    private final CountDownLatch blockingInterrupted = new CountDownLatch(1);
    /** Released at the end of each test: a blocking invocation still waiting returns then. */
    private final CountDownLatch release = new CountDownLatch(1);

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

    /** Says it is running, then waits until released or interrupted, and answers nothing. */
    private RequestStreamHandler blocking() {
        return (in, out, context) -> {
            blockingStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                blockingInterrupted.countDown();
                Thread.currentThread().interrupt();
            }
        };
    }

    /** An endpoint of its own for a blocking function: a {@code timeout} it meets, at most {@code maxConcurrency} at once. */
    private LocalLambdaEndpoint blockingEndpoint(Duration timeout, int maxConcurrency) throws IOException {
        return LocalLambdaEndpoint.builder()
                .port(0)
                .maxConcurrency(maxConcurrency)
                .function("Blocking", blocking())
                .function("Echo", echo())
                .timeout(timeout)
                .build()
                .start();
    }

    @Test
    void aTimeoutPastLambdasLimitIsRefusedWithTheLimitNamed() {
        LocalLambdaEndpoint.Builder builder = LocalLambdaEndpoint.builder().timeout(Duration.ofSeconds(900));
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> builder.timeout(Duration.ofSeconds(901)));
        assertEquals("timeout must be at most 900 seconds, Lambda's limit, not 901", refused.getMessage());
    }

    private static HttpRequest invocation(LocalLambdaEndpoint at, String function) {
        return HttpRequest.newBuilder(URI.create(at.url() + "/2015-03-31/functions/" + function + "/invocations"))
                .POST(BodyPublishers.ofString("{}"))
                .build();
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
        release.countDown();
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
        // Lambda's own lines around the function's, which carry the time and the request id
        String id = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(logs.toString(StandardCharsets.UTF_8))
                .matches("START RequestId: " + id + " Version: \\$LATEST\n"
                        + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z\t" + id + "\techo invoked\n"
                        + "END RequestId: " + id + "\n"
                        + "REPORT RequestId: " + id
                        + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 512 MB\n");
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
        try (LocalLambdaEndpoint timing = blockingEndpoint(Duration.ofMillis(300), 10)) {
            HttpResponse<String> response = http.send(invocation(timing, "Blocking"), BodyHandlers.ofString());

            assertEquals(0, blockingStarted.getCount(), "the handler was running");
            assertEquals(200, response.statusCode());
            assertEquals(Optional.of("Unhandled"), response.headers().firstValue("X-Amz-Function-Error"));
            assertEquals(
                    "Task timed out after 0.30 seconds",
                    JSON.readTree(response.body()).path("errorMessage").asText());
            assertTrue(
                    blockingInterrupted.await(30, TimeUnit.SECONDS),
                    "the overrunning handler, never released, is interrupted");
            assertEquals(
                    200,
                    http.send(invocation(timing, "Echo"), BodyHandlers.ofString())
                            .statusCode(),
                    "the endpoint keeps serving");
        }
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

    /** A caller holding the answer finds the slot free: the pool's thread going idle later must not count. */
    @Test
    void anInvocationThatHasAnsweredNoLongerCountsAgainstTheConcurrency() throws Exception {
        try (LocalLambdaEndpoint narrow = blockingEndpoint(Duration.ofSeconds(60), 1)) {
            for (int i = 0; i < 300; i++) {
                assertEquals(
                        200,
                        http.send(invocation(narrow, "Echo"), BodyHandlers.ofString())
                                .statusCode(),
                        "call " + i + " after " + i + " answered ones, with a concurrency of 1");
            }
        }
    }

    @Test
    void beyondMaxConcurrencyCallsAreThrottled() throws Exception {
        try (LocalLambdaEndpoint narrow = blockingEndpoint(Duration.ofSeconds(60), 1)) {
            CompletableFuture<HttpResponse<String>> pending =
                    http.sendAsync(invocation(narrow, "Blocking"), BodyHandlers.ofString());
            assertTrue(blockingStarted.await(30, TimeUnit.SECONDS), "the first invocation is running");

            HttpResponse<String> throttled = http.send(invocation(narrow, "Echo"), BodyHandlers.ofString());

            assertEquals(429, throttled.statusCode());
            assertEquals(
                    Optional.of("TooManyRequestsException"), throttled.headers().firstValue("x-amzn-ErrorType"));
            release.countDown();
            assertEquals(
                    200, pending.get(30, TimeUnit.SECONDS).statusCode(), "the first invocation, released, answers");
            assertEquals(
                    200,
                    http.send(invocation(narrow, "Echo"), BodyHandlers.ofString())
                            .statusCode(),
                    "with nothing running, the next is served");
        }
    }

    /** Closing cuts off an invocation in flight (its handler interrupted), and closing again does nothing. */
    @Test
    void closeCutsOffInvocationsInFlightAndIsIdempotent() throws Exception {
        LocalLambdaEndpoint closing = blockingEndpoint(Duration.ofSeconds(60), 10);
        CompletableFuture<HttpResponse<String>> pending =
                http.sendAsync(invocation(closing, "Blocking"), BodyHandlers.ofString());
        assertTrue(blockingStarted.await(30, TimeUnit.SECONDS), "the invocation is in flight");

        closing.close();
        closing.close();

        assertTrue(blockingInterrupted.await(30, TimeUnit.SECONDS), "the handler in flight is interrupted");
        assertThrows(ExecutionException.class, () -> pending.get(30, TimeUnit.SECONDS), "its call gets no answer");
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
