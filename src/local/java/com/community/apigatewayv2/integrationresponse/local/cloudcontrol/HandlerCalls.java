package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cloud Control's side of the handler protocol: it invokes the TypeFunction through the Lambda Invoke
 * API as CloudFormation does. READ and LIST are one invocation, answered to the caller; CREATE, UPDATE
 * and DELETE run in the background, invoked again with their callback context after each
 * {@code callbackDelaySeconds} (times the time scale), until they succeed, fail or run out of time.
 */
final class HandlerCalls {
    private static final Set<String> STATUSES = Set.of("IN_PROGRESS", "SUCCESS", "FAILED");

    private final LambdaInvoker invoker;
    private final HandlerRequestFactory requests;
    private final ScheduledExecutorService scheduler;
    private final TypeSchema schema;
    private final TimeScale timeScale;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param timeScale how fast callback delays pass (1.0 real time; 0.01 a hundred times faster)
     * @param timeout how long an operation may take in all, callback delays included, before it fails
     */
    HandlerCalls(
            final LambdaInvoker invoker,
            final HandlerRequestFactory requests,
            final ScheduledExecutorService scheduler,
            final TypeSchema schema,
            final TimeScale timeScale,
            final Duration timeout,
            final Clock clock) {
        this.invoker = invoker;
        this.requests = requests;
        this.scheduler = scheduler;
        this.schema = schema;
        this.timeScale = timeScale;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A HandlerRequest as CloudFormation sends it, with the deployment's region and caller credentials. */
    ObjectNode request(final String action, final JsonNode desired, final JsonNode previous) {
        return requests.request(action, desired, previous);
    }

    /**
     * One synchronous invocation (READ, LIST): the handler's SUCCESS event, or its failure as the
     * service's exception.
     */
    JsonNode call(final ObjectNode request) throws CloudControlException {
        final JsonNode event = invokeOnce(request);
        if ("SUCCESS".equals(event.path("status").asText())) {
            return event;
        }
        if ("FAILED".equals(event.path("status").asText())) {
            throw CloudControlException.fromHandler(
                    event.path("errorCode").asText(), event.path("message").asText());
        }
        throw new CloudControlException(
                "HandlerInternalFailureException",
                "The handler answered " + event.path("status").asText() + " to a "
                        + request.path("action").asText() + ", which must finish in one invocation");
    }

    /** Drives a CREATE, UPDATE or DELETE in the background; the request record shows its progress. */
    void start(final ResourceRequest record, final ObjectNode request) {
        schedule(record, request, clock.instant().plus(timeScale.scaled(timeout)), Duration.ZERO);
    }

    private void schedule(
            final ResourceRequest record, final ObjectNode request, final Instant deadline, final Duration delay) {
        try {
            scheduler.schedule(() -> step(record, request, deadline), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            record.failed("InternalFailure", "The local Cloud Control API stopped before the request finished");
        }
    }

    private void step(final ResourceRequest record, final ObjectNode request, final Instant deadline) {
        if (!record.start()) {
            return; // cancelled
        }
        if (clock.instant().isAfter(deadline)) {
            record.failed(
                    "ServiceTimeout",
                    "The handler did not finish within " + timeout.toMinutes() + " minutes"
                            + (timeScale.isRealTime() ? "" : " (scaled by " + timeScale + ")"));
            return;
        }
        final JsonNode event;
        final long invoked = System.nanoTime();
        try {
            event = invokeOnce(request);
        } catch (CloudControlException e) {
            record.failed("InternalFailure", e.getMessage());
            return;
        } catch (RuntimeException e) {
            record.failed(
                    "InternalFailure",
                    "The handler could not be invoked: " + e.getClass().getSimpleName());
            return;
        }
        record.invoked(System.nanoTime() - invoked);
        final JsonNode model = event.get("resourceModel");
        final String identifier = schema.identifierOf(model).orElse(null);
        switch (event.path("status").asText()) {
            case "SUCCESS" -> record.succeeded(model == null ? null : model.toString(), identifier);
            case "FAILED" ->
                record.failed(
                        event.path("errorCode").asText("InternalFailure"),
                        event.path("message").asText(""));
            default -> {
                final Duration delay = timeScale.scaled(LambdaInvoker.callbackDelay(event));
                record.inProgress(
                        model == null ? null : model.toString(),
                        identifier,
                        clock.instant().plus(LambdaInvoker.callbackDelay(event)));
                schedule(record, LambdaInvoker.reinvocation(request, event), deadline, delay);
            }
        }
    }

    /** One invocation whose answer is a progress event; anything else is a handler failure. */
    private JsonNode invokeOnce(final ObjectNode request) throws CloudControlException {
        final JsonNode event;
        try {
            event = invoker.invoke(LambdaInvoker.TYPE_FUNCTION, request);
        } catch (LambdaInvoker.LambdaError e) {
            throw new CloudControlException(
                    "HandlerInternalFailureException",
                    "The handler's invocation failed: the Lambda endpoint answered HTTP " + e.status());
        } catch (IOException e) {
            throw new CloudControlException(
                    "NetworkFailureException", "The Lambda endpoint could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudControlException("ServiceInternalErrorException", "Interrupted while invoking the handler");
        }
        if (!event.isObject() || !STATUSES.contains(event.path("status").asText())) {
            throw new CloudControlException(
                    "HandlerInternalFailureException", "The handler's answer is not a progress event");
        }
        return event;
    }
}
