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
    private static final String CREDENTIALS =
            "{\"accessKeyId\": \"AKID\", \"secretAccessKey\": \"s\", \"sessionToken\": \"t\"}";

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
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": {}}}"
                        + "|callerCredentials carries no accessKeyId",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": {\"accessKeyId\": \"AKID\","
                        + " \"secretAccessKey\": null}}}|callerCredentials carries no secretAccessKey",
                "{\"action\": \"CREATE\", \"requestData\": {\"callerCredentials\": {\"accessKeyId\": \"AKID\","
                        + " \"secretAccessKey\": \"s\"}}}|callerCredentials carries no sessionToken",
                "{\"action\": \"CREATE\", \"requestData\": {\"callerCredentials\": {\"accessKeyId\": \"AKID\","
                        + " \"secretAccessKey\": \"s\", \"sessionToken\": 7}}}|callerCredentials.sessionToken is not a string",
                "{\"action\": \"UPDATE\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS + ","
                        + " \"providerCredentials\": {\"accessKeyId\": \"AKID\", \"secretAccessKey\": \"s\"}}}"
                        + "|providerCredentials carries no sessionToken",
                "{\"action\": \"CREATE\", \"requestData\": {\"callerCredentials\": {\"accessKeyId\": [],"
                        + " \"secretAccessKey\": \"s\", \"sessionToken\": \"t\"}}}|callerCredentials.accessKeyId is not a string",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS
                        + ", \"resourceProperties\": []}}" + "|resourceProperties is not a JSON object",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS
                        + ", \"previousResourceProperties\": 1}}" + "|previousResourceProperties is not a JSON object",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS
                        + "}, \"callbackContext\": \"x\"}" + "|callbackContext is not a JSON object"
            })
    void envelopeProblemsAreNamed(final String payload, final String problem) {
        assertEquals(
                problem,
                RequestEnvelope.open(payload.getBytes(StandardCharsets.UTF_8)).problem());
    }

    @Test
    void aWellFormedEnvelopeIsLeftToTheRuntime() {
        assertNull(RequestEnvelope.open(
                        ("{\"action\": \"CREATE\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS + ","
                                        + " \"resourceProperties\": {}, \"previousResourceProperties\": null}, \"callbackContext\": null}")
                                .getBytes(StandardCharsets.UTF_8))
                .problem());
        assertThat(RequestEnvelope.open(("{\"action\": \"" + "X".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8))
                        .problem())
                .startsWith("Unknown action '" + "X".repeat(40) + "...'");
    }
}
