package com.community.apigatewayv2.integrationresponse.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is wrong with a payload is named before either request path reads it. */
class RequestEnvelopeTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[1]|The request is not a JSON object",
                "{\"a\":|The request is not valid JSON",
                "{}|The request names no action: expected one of CREATE, READ, UPDATE, DELETE, LIST",
                "{\"action\": \"read\"}|Unknown action 'read': expected one of CREATE, READ, UPDATE, DELETE, LIST",
                "{\"action\": \"READ\"}|The request carries no requestData object",
                "{\"action\": \"READ\", \"requestData\": {}}|The request carries no callerCredentials object",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": {}, \"resourceProperties\": []}}"
                        + "|resourceProperties is not a JSON object",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": {}, \"previousResourceProperties\": 1}}"
                        + "|previousResourceProperties is not a JSON object",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": {}}, \"callbackContext\": \"x\"}"
                        + "|callbackContext is not a JSON object"
            })
    void envelopeProblemsAreNamed(final String payload, final String problem) {
        assertEquals(
                problem,
                RequestEnvelope.open(payload.getBytes(StandardCharsets.UTF_8)).problem());
    }

    @Test
    void aWellFormedEnvelopeIsLeftToTheRuntime() {
        assertNull(RequestEnvelope.open(("{\"action\": \"CREATE\", \"requestData\": {\"callerCredentials\": {},"
                                + " \"resourceProperties\": {}, \"previousResourceProperties\": null}, \"callbackContext\": null}")
                        .getBytes(StandardCharsets.UTF_8))
                .problem());
        assertThat(RequestEnvelope.open(("{\"action\": \"" + "X".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8))
                        .problem())
                .startsWith("Unknown action '" + "X".repeat(40) + "...'");
    }
}
