package com.community.apigatewayv2.integrationresponse.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.community.apigatewayv2.integrationresponse.handler.HandlerConfig;
import com.community.apigatewayv2.integrationresponse.handler.Handlers;
import com.community.apigatewayv2.integrationresponse.handler.ThrottlePolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * The security review's reproductions: payloads that made Jackson fail with the start of the payload
 * (the caller's credentials among it) in its message, which the runtime returned and logged. On every
 * entry point, plain and compressed, each is now FAILED InvalidRequest naming the field, and the canary
 * credentials appear in no answer and no log line; nothing reaches the service.
 */
class CredentialLeakTest {
    private static final String CANARY = "CANARYSECRETd41d8cd98f00b204";
    private static final String CREDENTIALS = "{\"accessKeyId\": \"AKIDCANARY\", \"secretAccessKey\": \"" + CANARY
            + "\", \"sessionToken\": \"" + CANARY + "session\"}";

    private final ApiGatewayV2Client client = mock(ApiGatewayV2Client.class);
    private final Handlers handlers = new Handlers(new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION));
    private final List<String> log = new ArrayList<>();

    private static String request(final String more) {
        return "{\"action\": \"CREATE\", \"region\": \"us-east-1\", \"bearerToken\": \"t\", \"requestData\": "
                + "{\"callerCredentials\": " + CREDENTIALS + ", \"resourceProperties\": {\"ApiId\": \"a\","
                + " \"IntegrationId\": \"b\", \"IntegrationResponseKey\": \"/200/\"}}" + more + "}";
    }

    private static String compressed(final String text) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return new JSONObject()
                .put("__COMPRESSED__", Base64.getEncoder().encodeToString(out.toByteArray()))
                .put("__COMPRESSION_METHOD__", "gzip_base64")
                .toString();
    }

    private JSONObject answer(final String text) {
        assertThat(text).doesNotContain(CANARY);
        assertThat(String.join("\n", log)).doesNotContain(CANARY);
        final JSONObject answer = new JSONObject(text);
        assertEquals("FAILED", answer.getString("status"), text);
        assertEquals("InvalidRequest", answer.getString("errorCode"), text);
        verifyNoInteractions(client);
        return answer;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ", \"maxResults\": 3000000000",
                ", \"maxResults\": 1e400",
                ", \"MAXRESULTS\": 3000000000",
                ", \"callbackContext\": {\"throttledRounds\": 3000000000}",
                ", \"callbackContext\": {\"throttledRounds\": -5}",
                ", \"requestContext\": {\"invocation\": 3000000000}",
                ", \"callbackContext\": {\"callGraphs\": {\"k\": 5}}",
                ", \"callbackContext\": {\"callGraphs\": {\"k\": [\"java.io.File\", \"/etc/passwd\"]}}",
                ", \"requestContext\": {\"callbackContext\": {\"CallGraphs\": {\"k\": []}}}",
            })
    void everyEntryPointAnswersInvalidRequestWithoutThePayloadsText(final String more) throws IOException {
        final String payload = request(more);
        for (final String sent : List.of(payload, compressed(payload))) {
            final ByteArrayOutputStream typeFunction = new ByteArrayOutputStream();
            new RequestRouter(handlers, false)
                    .handleRequest(
                            new ByteArrayInputStream(sent.getBytes(StandardCharsets.UTF_8)),
                            typeFunction,
                            RecordingContext.into(log));
            assertThat(answer(typeFunction.toString(StandardCharsets.UTF_8)).getString("message"))
                    .doesNotContain("Source");

            final ByteArrayOutputStream executable = new ByteArrayOutputStream();
            new ExecutableRuntimeWrapper(handlers, false).process(sent.getBytes(StandardCharsets.UTF_8), executable);
            answer(executable.toString(StandardCharsets.UTF_8));
        }
    }

    /** Past the envelope, straight into the runtime: its errors are worded by the redacting serializer. */
    @ParameterizedTest
    @ValueSource(strings = {", \"maxResults\": 3000000000", ", \"callbackContext\": {\"throttledRounds\": 1e400}"})
    void theRuntimeAloneNeverQuotesThePayload(final String more) throws IOException {
        final RuntimeWrapper runtime = new RuntimeWrapper(handlers, false);
        runtime.attachPlatformLog(RecordingContext.into(log));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        runtime.process(request(more).getBytes(StandardCharsets.UTF_8), out);

        final String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(CANARY).contains("The request could not be read");
        assertThat(String.join("\n", log)).doesNotContain(CANARY);
        verifyNoInteractions(client);
    }

    /** The TestEntrypoint's type mistakes, which the runtime's serializer reported with the event's text. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"action\": \"create\"",
                "\"action\": 5",
                // the runtime's mapper read a number as the action at that place in its list: 1 is READ
                "\"action\": 1, \"region\": \"us-east-1\", \"request\": {\"desiredResourceState\": {\"ApiId\": \"a1\","
                        + " \"IntegrationId\": \"i1\", \"IntegrationResponseKey\": \"$default\"}}",
                "\"action\": \"CREATE\", \"request\": {\"desiredResourceState\": {\"ResponseTemplates\": \"x\"}}",
                "\"action\": \"CREATE\", \"request\": {\"desiredResourceState\": {\"ApiId\": {}}}",
                "\"action\": \"CREATE\", \"callbackContext\": {\"callGraphs\": {\"k\": 5}}",
                "\"action\": \"CREATE\", \"region\": \"us-east-1/../x\"",
            })
    void theTestEntrypointAnswersInvalidRequestWithoutTheEventsText(final String fields) throws IOException {
        final String event = "{\"credentials\": " + CREDENTIALS + ", " + fields + "}";
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        new RequestRouter(handlers, false)
                .testEntrypoint(
                        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                        out,
                        RecordingContext.into(log));

        answer(out.toString(StandardCharsets.UTF_8));
    }

    /** The runtime skips validation when a callback context comes along; it is validated here again. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "CREATE|{}",
                "CREATE|{\"throttledRounds\": 1}",
                "UPDATE|{\"mayHaveApplied\": true, \"callGraphs\": {}}",
                "UPDATE|{}"
            })
    void aReInvocationWithInputTheSchemaRefusesFailsAsAFirstInvocationWould(
            final String action, final String callbackContext) throws IOException {
        final String payload = request(", \"callbackContext\": " + callbackContext)
                .replace("\"action\": \"CREATE\"", "\"action\": \"" + action + "\"")
                .replace(
                        "\"IntegrationResponseKey\": \"/200/\"",
                        "\"IntegrationResponseKey\": \"/200/\"," + " \"ContentHandlingStrategy\": \"BOGUS\"");

        final ByteArrayOutputStream typeFunction = new ByteArrayOutputStream();
        new RequestRouter(handlers, false)
                .handleRequest(
                        new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)),
                        typeFunction,
                        RecordingContext.into(log));
        final ByteArrayOutputStream executable = new ByteArrayOutputStream();
        new ExecutableRuntimeWrapper(handlers, false).process(payload.getBytes(StandardCharsets.UTF_8), executable);

        for (final ByteArrayOutputStream out : List.of(typeFunction, executable)) {
            assertThat(answer(out.toString(StandardCharsets.UTF_8)).getString("message"))
                    .startsWith("Model validation failed")
                    .contains("ContentHandlingStrategy");
        }
    }

    /** 940 KB of invalid ResponseParameters made a 7.2 MB FAILED event, over Lambda's 6 MB answer. */
    @org.junit.jupiter.api.Test
    void aHugeValidationFailureStaysFarBelowLambdasAnswerLimit() throws IOException {
        final StringBuilder parameters = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            parameters.append(i == 0 ? "" : ", ").append("\"bad").append(i).append("\": \"x\"");
        }
        final String payload = request("")
                .replace(
                        "\"IntegrationResponseKey\": \"/200/\"",
                        "\"IntegrationResponseKey\": \"/200/\", \"ResponseParameters\": {" + parameters + "}");
        assertThat(payload.length()).isGreaterThan(300_000);

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestRouter(handlers, false)
                .handleRequest(
                        new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)),
                        out,
                        RecordingContext.into(log));

        assertThat(out.size()).isLessThan(20_000);
        assertThat(answer(out.toString(StandardCharsets.UTF_8)).getString("message"))
                .startsWith("Model validation failed")
                .endsWith(" more characters)");
    }
}
