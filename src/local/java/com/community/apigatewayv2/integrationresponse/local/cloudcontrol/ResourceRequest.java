package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;

/**
 * One resource operation request of Cloud Control: what was asked (operation, identifier) and where it
 * stands, shown to clients as the service's {@code ProgressEvent}. Its state changes on the thread that
 * drives the handler and is read by the threads that answer status requests, so every access locks it.
 */
final class ResourceRequest {

    enum Status {
        PENDING,
        IN_PROGRESS,
        SUCCESS,
        FAILED,
        CANCEL_IN_PROGRESS,
        CANCEL_COMPLETE;

        boolean isFinal() {
            return this == SUCCESS || this == FAILED || this == CANCEL_COMPLETE;
        }
    }

    private final String typeName;
    private final String requestToken;
    private final String operation;
    private final Clock clock;
    private String identifier;
    private Status status = Status.PENDING;
    private Instant eventTime;
    private Instant retryAfter;
    private String resourceModel;
    private String statusMessage;
    private String errorCode;
    private final long arrivedNanos;
    private long finishedNanos;
    private long invocationNanos;
    private int invocations;

    /** @param arrivedNanos {@link System#nanoTime()} when the operation's HTTP request arrived */
    ResourceRequest(
            final String typeName,
            final String requestToken,
            final String operation,
            final String identifier,
            final Clock clock,
            final long arrivedNanos) {
        this.arrivedNanos = arrivedNanos;
        this.typeName = typeName;
        this.requestToken = requestToken;
        this.operation = operation;
        this.identifier = identifier;
        this.clock = clock;
        this.eventTime = clock.instant();
    }

    String requestToken() {
        return requestToken;
    }

    String operation() {
        return operation;
    }

    synchronized String identifier() {
        return identifier;
    }

    synchronized Status status() {
        return status;
    }

    /** A Lambda invocation made for this request took this long. */
    synchronized void invoked(final long nanos) {
        invocationNanos += nanos;
        invocations++;
    }

    /** Where its time went, once it is final. */
    synchronized java.util.Optional<RequestTiming> timing() {
        return status.isFinal()
                ? java.util.Optional.of(new RequestTiming(finishedNanos - arrivedNanos, invocationNanos, invocations))
                : java.util.Optional.empty();
    }

    /** A handler invocation is about to start; false when a cancellation got there first. */
    synchronized boolean start() {
        if (status == Status.CANCEL_IN_PROGRESS) {
            finish(Status.CANCEL_COMPLETE, null, null, null);
            return false;
        }
        status = Status.IN_PROGRESS;
        eventTime = clock.instant();
        return true;
    }

    /** The handler answered IN_PROGRESS and asked to be called again at {@code retryAfter}. */
    synchronized void inProgress(final String model, final String knownIdentifier, final Instant retry) {
        if (status != Status.CANCEL_IN_PROGRESS) {
            status = Status.IN_PROGRESS;
        }
        resourceModel = model;
        identifier = knownIdentifier != null ? knownIdentifier : identifier;
        retryAfter = retry;
        eventTime = clock.instant();
    }

    synchronized void succeeded(final String model, final String knownIdentifier) {
        identifier = knownIdentifier != null ? knownIdentifier : identifier;
        finish(Status.SUCCESS, model, null, null);
    }

    synchronized void failed(final String code, final String message) {
        finish(Status.FAILED, null, code, message);
    }

    /**
     * Asks for the request to stop before its next handler invocation.
     *
     * @return false when it has already finished and cannot be cancelled
     */
    synchronized boolean cancel() {
        if (status.isFinal()) {
            return false;
        }
        if (status == Status.PENDING) {
            finish(Status.CANCEL_COMPLETE, null, null, null);
        } else {
            status = Status.CANCEL_IN_PROGRESS;
            eventTime = clock.instant();
        }
        return true;
    }

    private void finish(final Status finalStatus, final String model, final String code, final String message) {
        status = finalStatus;
        resourceModel = model != null ? model : finalStatus == Status.SUCCESS ? resourceModel : null;
        errorCode = code;
        statusMessage = message;
        retryAfter = null;
        eventTime = clock.instant();
        finishedNanos = System.nanoTime();
    }

    /** The service's {@code ProgressEvent} shape; times in epoch seconds, as awsJson1_0 writes timestamps. */
    synchronized ObjectNode progressEvent(final ObjectMapper json) {
        final ObjectNode event = json.createObjectNode()
                .put("TypeName", typeName)
                .put("RequestToken", requestToken)
                .put("Operation", operation)
                .put("OperationStatus", status.name())
                .put("EventTime", seconds(eventTime));
        if (identifier != null) {
            event.put("Identifier", identifier);
        }
        if (resourceModel != null) {
            event.put("ResourceModel", resourceModel);
        }
        if (statusMessage != null) {
            event.put("StatusMessage", statusMessage);
        }
        if (errorCode != null) {
            event.put("ErrorCode", errorCode);
        }
        if (retryAfter != null) {
            event.put("RetryAfter", seconds(retryAfter));
        }
        return event;
    }

    /** Whether the event matches a {@code ResourceRequestStatusFilter}: empty lists match everything. */
    synchronized boolean matches(final JsonNode operations, final JsonNode statuses) {
        return contains(operations, operation) && contains(statuses, status.name());
    }

    private static boolean contains(final JsonNode values, final String value) {
        if (values == null || values.isEmpty()) {
            return true;
        }
        for (JsonNode candidate : values) {
            if (value.equals(candidate.asText())) {
                return true;
            }
        }
        return false;
    }

    private static double seconds(final Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
