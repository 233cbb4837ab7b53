package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.community.apigatewayv2.integrationresponse.local.lambda.LocalLambdaEndpoint;
import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cloud Control's side of the handler protocol, against a TypeFunction that answers what each test
 * needs: re-invocation with the callback context, a handler out of time, answers that are not progress
 * events, and the synchronous READ and LIST.
 */
class HandlerCallsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalLambdaEndpoint lambda;
    private ScheduledExecutorService scheduler;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (lambda != null) {
            lambda.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** A HandlerCalls whose TypeFunction answers each request with {@code answer}, and a timeout. */
    private HandlerCalls calls(final Function<JsonNode, String> answer, final Duration timeout) throws Exception {
        return calls(answer, timeout, Clock.systemUTC());
    }

    /** As above, with the clock the deadline is kept by. */
    private HandlerCalls calls(final Function<JsonNode, String> answer, final Duration timeout, final Clock clock)
            throws Exception {
        final RequestStreamHandler function = (in, out, context) -> {
            final JsonNode request = JSON.readTree(in);
            received.add(request);
            out.write(answer.apply(request).getBytes(StandardCharsets.UTF_8));
        };
        lambda = LocalLambdaEndpoint.builder()
                .port(0)
                .function(LambdaInvoker.TYPE_FUNCTION, function)
                .logSink(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build()
                .start();
        scheduler = Executors.newScheduledThreadPool(2);
        return new HandlerCalls(
                new LambdaInvoker(lambda.uri()),
                (action, desired, previous) -> {
                    final ObjectNode request = JSON.createObjectNode().put("action", action);
                    request.putObject("requestData").set("resourceProperties", desired);
                    return request;
                },
                scheduler,
                TypeSchema.load(),
                new TimeScale(0.001),
                timeout,
                clock);
    }

    /** A clock 20 ms later at each reading, however long the machine takes between readings. */
    private static Clock ticking() {
        final AtomicLong readings = new AtomicLong();
        final Instant start = Instant.parse("2026-12-03T00:00:00Z");
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(final ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return start.plusMillis(20 * readings.getAndIncrement());
            }
        };
    }

    private static ResourceRequest record() {
        return new ResourceRequest(
                "Community::ApiGatewayV2::IntegrationResponse",
                "t-1",
                "CREATE",
                null,
                Clock.systemUTC(),
                System.nanoTime());
    }

    private static ResourceRequest.Status awaitFinal(final ResourceRequest record) throws InterruptedException {
        final Instant deadline = Instant.now().plusSeconds(20);
        while (!record.status().isFinal() && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
        return record.status();
    }

    private static final String MODEL =
            "{\"ApiId\":\"a1\",\"IntegrationId\":\"i1\",\"IntegrationResponseId\":\"r1\",\"IntegrationResponseKey\":\"$default\"}";

    @Test
    void inProgressIsInvokedAgainWithItsCallbackContextUntilSuccess() throws Exception {
        final AtomicInteger round = new AtomicInteger();
        final HandlerCalls calls = calls(
                request -> round.incrementAndGet() < 3
                        ? "{\"status\":\"IN_PROGRESS\",\"callbackDelaySeconds\":5,\"callbackContext\":{\"round\":"
                                + round.get() + "}}"
                        : "{\"status\":\"SUCCESS\",\"resourceModel\":" + MODEL + "}",
                Duration.ofMinutes(120));
        final ResourceRequest record = record();

        calls.start(record, calls.request("CREATE", JSON.readTree("{\"IntegrationResponseKey\":\"$default\"}"), null));

        assertThat(awaitFinal(record)).isEqualTo(ResourceRequest.Status.SUCCESS);
        assertThat(received).hasSize(3);
        assertThat(received.get(0).has("callbackContext")).isFalse();
        assertThat(received.get(1).path("callbackContext").toString()).isEqualTo("{\"round\":1}");
        assertThat(received.get(2).path("callbackContext").toString()).isEqualTo("{\"round\":2}");
        final JsonNode event = record.progressEvent(JSON);
        assertThat(event.path("Identifier").asText()).isEqualTo("a1|i1|r1");
        assertThat(JSON.readTree(event.path("ResourceModel").asText())).isEqualTo(JSON.readTree(MODEL));
        assertThat(record.timing().orElseThrow().invocations()).isEqualTo(3);
    }

    @Test
    void aHandlerThatNeverFinishesRunsOutOfTime() throws Exception {
        // 2 minutes at a time scale of 0.001 is 120 ms of a clock that moves 20 ms at each reading (one
        // to start, two per call): the third call is the last inside the deadline, however slow the machine
        final HandlerCalls calls = calls(
                request -> "{\"status\":\"IN_PROGRESS\",\"callbackDelaySeconds\":30,\"callbackContext\":{}}",
                Duration.ofMinutes(2),
                ticking());
        final ResourceRequest record = record();

        calls.start(record, calls.request("CREATE", JSON.createObjectNode(), null));

        assertThat(awaitFinal(record)).isEqualTo(ResourceRequest.Status.FAILED);
        final JsonNode event = record.progressEvent(JSON);
        assertThat(event.path("ErrorCode").asText()).isEqualTo("ServiceTimeout");
        assertThat(event.path("StatusMessage").asText())
                .isEqualTo("The handler did not finish within 2 minutes (scaled by 0.001)");
        assertThat(received).hasSize(3);
    }

    @Test
    void anAnswerThatIsNotAProgressEventFailsTheRequest() throws Exception {
        final HandlerCalls calls = calls(request -> "{\"status\":\"DONE\"}", Duration.ofMinutes(120));
        final ResourceRequest record = record();

        calls.start(record, calls.request("CREATE", JSON.createObjectNode(), null));

        assertThat(awaitFinal(record)).isEqualTo(ResourceRequest.Status.FAILED);
        final JsonNode event = record.progressEvent(JSON);
        assertThat(event.path("ErrorCode").asText()).isEqualTo("InternalFailure");
        assertThat(event.path("StatusMessage").asText()).isEqualTo("The handler's answer is not a progress event");
        assertThat(received).hasSize(1);
    }

    @Test
    void aFailedEventKeepsTheHandlersCodeAndMessage() throws Exception {
        final HandlerCalls calls = calls(
                request -> "{\"status\":\"FAILED\",\"errorCode\":\"AlreadyExists\",\"message\":\"taken\"}",
                Duration.ofMinutes(120));
        final ResourceRequest record = record();

        calls.start(record, calls.request("CREATE", JSON.createObjectNode(), null));

        assertThat(awaitFinal(record)).isEqualTo(ResourceRequest.Status.FAILED);
        assertThat(record.progressEvent(JSON).path("ErrorCode").asText()).isEqualTo("AlreadyExists");
        assertThat(record.progressEvent(JSON).path("StatusMessage").asText()).isEqualTo("taken");
    }

    @Test
    void aSynchronousCallAnswersTheEventOrTheServicesException() throws Exception {
        final HandlerCalls calls = calls(
                request -> switch (request.path("action").asText()) {
                    case "READ" -> "{\"status\":\"SUCCESS\",\"resourceModel\":" + MODEL + "}";
                    case "LIST" -> "{\"status\":\"IN_PROGRESS\",\"callbackDelaySeconds\":1}";
                    default -> "{\"status\":\"FAILED\",\"errorCode\":\"NotFound\",\"message\":\"gone\"}";
                },
                Duration.ofMinutes(120));

        assertThat(calls.call(calls.request("READ", JSON.createObjectNode(), null))
                        .path("resourceModel"))
                .isEqualTo(JSON.readTree(MODEL));
        assertThatThrownBy(() -> calls.call(calls.request("LIST", JSON.createObjectNode(), null)))
                .isInstanceOf(CloudControlException.class)
                .hasMessage("The handler answered IN_PROGRESS to a LIST, which must finish in one invocation")
                .extracting(e -> ((CloudControlException) e).type())
                .isEqualTo("HandlerInternalFailureException");
        assertThatThrownBy(() -> calls.call(calls.request("DELETE", JSON.createObjectNode(), null)))
                .isInstanceOf(CloudControlException.class)
                .hasMessage("gone")
                .extracting(e -> ((CloudControlException) e).type())
                .isEqualTo("ResourceNotFoundException");
    }

    @Test
    void aCancelledRequestIsNotInvokedAgain() throws Exception {
        final AtomicInteger invocations = new AtomicInteger();
        final HandlerCalls calls = calls(
                request -> {
                    invocations.incrementAndGet();
                    return "{\"status\":\"IN_PROGRESS\",\"callbackDelaySeconds\":60,\"callbackContext\":{}}";
                },
                Duration.ofMinutes(120));
        final ResourceRequest record = record();
        calls.start(record, calls.request("CREATE", JSON.createObjectNode(), null));
        final Instant deadline = Instant.now().plusSeconds(20);
        while (invocations.get() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
        Thread.sleep(20); // the answer recorded: IN_PROGRESS, next invocation in 60 ms

        assertThat(record.cancel()).isTrue();
        assertThat(awaitFinal(record)).isEqualTo(ResourceRequest.Status.CANCEL_COMPLETE);
        assertThat(invocations.get()).isEqualTo(1);
        assertThat(record.cancel()).isFalse();
    }
}
