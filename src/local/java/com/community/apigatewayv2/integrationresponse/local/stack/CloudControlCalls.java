package com.community.apigatewayv2.integrationresponse.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A Cloud Control API client for one type, on the wire as the SDKs speak it (awsJson1_0: POST / with
 * {@code X-Amz-Target: CloudApiService.<Operation>}), with the service's request shapes: properties,
 * models and patches travel as JSON strings.
 */
final class CloudControlCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNFINISHED = Set.of("PENDING", "IN_PROGRESS", "CANCEL_IN_PROGRESS");
    private static final Duration POLL = Duration.ofMillis(50);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String typeName;
    private final Duration limit;

    /**
     * @param endpoint the Cloud Control API, e.g. {@code http://127.0.0.1:PORT}
     * @param limit how long a request may stay unfinished before {@link #finished} gives up
     */
    CloudControlCalls(final String endpoint, final String typeName, final Duration limit) {
        this.endpoint = URI.create(endpoint + "/");
        this.typeName = typeName;
        this.limit = limit;
    }

    /** One answer: its HTTP status, its JSON body and how long it took. */
    record Answer(String operation, int status, JsonNode body, long millis) {
        boolean ok() {
            return status == 200;
        }

        /** The error's shape name, e.g. {@code ResourceNotFoundException}; empty on success. */
        String errorType() {
            return body.path("__type").asText("");
        }

        JsonNode event() {
            return body.path("ProgressEvent");
        }

        /** What went wrong, in one line, for a contract break. */
        String failure() {
            return ok()
                    ? operation + " ended " + event().path("OperationStatus").asText() + " "
                            + event().path("ErrorCode").asText("") + ": "
                            + event().path("StatusMessage").asText("")
                    : operation + " answered " + errorType() + ": "
                            + body.path("Message").asText("");
        }
    }

    /** A body with the type's name; the caller adds the operation's members. */
    ObjectNode body() {
        return JSON.createObjectNode().put("TypeName", typeName);
    }

    Answer call(final String operation, final ObjectNode body) throws IOException, InterruptedException {
        final long start = System.nanoTime();
        final HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "CloudApiService." + operation)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(
                operation,
                response.statusCode(),
                JSON.readTree(response.body()),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The request's last answer: {@code started} itself when it failed, else GetResourceRequestStatus
     * polled until the operation is no longer PENDING or IN_PROGRESS (or the limit passed), under the
     * started operation's name.
     */
    Answer finished(final Answer started) throws IOException, InterruptedException {
        if (!started.ok()) {
            return started;
        }
        final String token = started.event().path("RequestToken").asText();
        final Instant deadline = Instant.now().plus(limit);
        final long begun = System.nanoTime() - started.millis() * 1_000_000;
        Answer answer = started;
        while (UNFINISHED.contains(answer.event().path("OperationStatus").asText())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            final Answer polled =
                    call("GetResourceRequestStatus", JSON.createObjectNode().put("RequestToken", token));
            answer = new Answer(
                    started.operation(), polled.status(), polled.body(), (System.nanoTime() - begun) / 1_000_000);
            if (!answer.ok()) {
                return answer;
            }
        }
        return answer;
    }

    /** Whether an answer is a final SUCCESS. */
    static boolean succeeded(final Answer answer) {
        return answer.ok()
                && "SUCCESS".equals(answer.event().path("OperationStatus").asText());
    }
}
