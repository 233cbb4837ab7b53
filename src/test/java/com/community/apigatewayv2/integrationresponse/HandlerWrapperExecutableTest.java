package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.community.apigatewayv2.integrationresponse.handler.HandlerConfig;
import com.community.apigatewayv2.integrationresponse.handler.Handlers;
import com.community.apigatewayv2.integrationresponse.handler.ThrottlePolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseResponse;

/** The executable entry point {@code cfn test --docker-image} runs: one request argument, a marked answer. */
class HandlerWrapperExecutableTest {
    private static final String USAGE = "usage: java -cp <handler jar> "
            + "com.community.apigatewayv2.integrationresponse.HandlerWrapperExecutable '<HandlerRequest JSON>'";

    private final ApiGatewayV2Client client = mock(ApiGatewayV2Client.class);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args) throws IOException {
        return HandlerWrapperExecutable.run(
                args,
                new Handlers(new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String readRequest() {
        return new JSONObject()
                .put("action", "READ")
                .put("region", "us-east-1")
                .put("awsAccountId", "123456789012")
                .put("bearerToken", "t")
                .put(
                        "requestData",
                        new JSONObject()
                                .put(
                                        "callerCredentials",
                                        new JSONObject()
                                                .put("accessKeyId", "AKID")
                                                .put("secretAccessKey", "secret")
                                                .put("sessionToken", "token"))
                                .put(
                                        "resourceProperties",
                                        new JSONObject()
                                                .put("ApiId", "api1")
                                                .put("IntegrationId", "int1")
                                                .put("IntegrationResponseId", "r1")))
                .toString();
    }

    @Test
    void theEventGoesToStandardOutputBetweenTheMarkers() throws IOException {
        when(client.serviceName()).thenReturn("apigateway");
        when(client.getIntegrationResponse(any(GetIntegrationResponseRequest.class)))
                .thenReturn(GetIntegrationResponseResponse.builder()
                        .integrationResponseId("r1")
                        .integrationResponseKey("$default")
                        .build());

        assertEquals(0, run(readRequest()));

        final String[] lines = out.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertEquals(3, lines.length, out::toString);
        assertEquals("__CFN_RESOURCE_START_RESPONSE__", lines[0]);
        assertEquals("__CFN_RESOURCE_END_RESPONSE__", lines[2]);
        assertEquals(
                new JSONObject(
                                "{\"status\":\"SUCCESS\",\"callbackDelaySeconds\":0,\"resourceModel\":{\"ApiId\":\"api1\","
                                        + "\"IntegrationId\":\"int1\",\"IntegrationResponseId\":\"r1\","
                                        + "\"IntegrationResponseKey\":\"$default\"}}")
                        .toMap(),
                new JSONObject(lines[1]).toMap());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestTheSchemaRejectsIsAnsweredInvalidRequestBetweenTheMarkers() throws IOException {
        final JSONObject request = new JSONObject(readRequest()).put("action", "CREATE");
        request.getJSONObject("requestData")
                .getJSONObject("resourceProperties")
                .put("IntegrationResponseKey", "$default")
                .put("ContentHandlingStrategy", "CONVERT_TO_HEX");

        assertEquals(0, run(request.toString()));

        final String printed = out.toString(StandardCharsets.UTF_8);
        final JSONObject event = new JSONObject(printed.substring(
                printed.indexOf("__CFN_RESOURCE_START_RESPONSE__") + "__CFN_RESOURCE_START_RESPONSE__".length(),
                printed.indexOf("__CFN_RESOURCE_END_RESPONSE__")));
        assertEquals("FAILED", event.getString("status"));
        assertEquals("InvalidRequest", event.getString("errorCode"));
        assertThat(event.getString("message")).contains("ContentHandlingStrategy");
        verifyNoInteractions(client);
    }

    @Test
    void noArgumentIsAUsageError() throws IOException {
        assertEquals(2, run());

        assertEquals("no request given" + System.lineSeparator() + USAGE + System.lineSeparator(), errorText());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void moreThanOneArgumentIsAUsageError() throws IOException {
        assertEquals(2, run(readRequest(), "extra"));

        assertEquals(
                "one argument expected, the request, not 2" + System.lineSeparator() + USAGE + System.lineSeparator(),
                errorText());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        verifyNoInteractions(client);
    }

    private String errorText() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
