package com.community.apigatewayv2.integrationresponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.community.apigatewayv2.integrationresponse.handler.HandlerConfig;
import com.community.apigatewayv2.integrationresponse.handler.Handlers;
import com.community.apigatewayv2.integrationresponse.handler.ThrottlePolicy;
import com.community.apigatewayv2.integrationresponse.lambda.RecordingContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseResponse;

/** The entry points by the names CloudFormation, SAM and the cfn CLI give them, each serving a READ. */
class HandlerWrapperTest {
    private final ApiGatewayV2Client client = mock(ApiGatewayV2Client.class);
    private final HandlerWrapper wrapper =
            new HandlerWrapper(new Handlers(new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION)));
    private final List<String> log = new ArrayList<>();

    HandlerWrapperTest() {
        when(client.serviceName()).thenReturn("apigateway");
        when(client.getIntegrationResponse(org.mockito.ArgumentMatchers.any(GetIntegrationResponseRequest.class)))
                .thenReturn(GetIntegrationResponseResponse.builder()
                        .integrationResponseId("r1")
                        .integrationResponseKey("$default")
                        .templateSelectionExpression("$request.body.type")
                        .build());
    }

    private Context context() {
        return RecordingContext.into(log);
    }

    private static final JSONObject CREDENTIALS = new JSONObject()
            .put("accessKeyId", "AKID")
            .put("secretAccessKey", "secret")
            .put("sessionToken", "token");
    private static final JSONObject READ_MODEL =
            new JSONObject().put("ApiId", "api1").put("IntegrationId", "int1").put("IntegrationResponseId", "r1");

    @Test
    void theTypeFunctionServesAHandlerRequest() throws IOException {
        final JSONObject request = new JSONObject()
                .put("action", "READ")
                .put("region", "us-east-1")
                .put("awsAccountId", "123456789012")
                .put("bearerToken", "t")
                .put(
                        "requestData",
                        new JSONObject().put("callerCredentials", CREDENTIALS).put("resourceProperties", READ_MODEL));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        wrapper.handleRequest(
                new ByteArrayInputStream(request.toString().getBytes(StandardCharsets.UTF_8)), out, context());

        assertEquals(
                new JSONObject()
                        .put("status", "SUCCESS")
                        .put("callbackDelaySeconds", 0)
                        .put(
                                "resourceModel",
                                new JSONObject(READ_MODEL.toString())
                                        .put("IntegrationResponseKey", "$default")
                                        .put("TemplateSelectionExpression", "$request.body.type"))
                        .toMap(),
                new JSONObject(out.toString(StandardCharsets.UTF_8)).toMap());
        assertThat(log)
                .anyMatch(line -> line.matches("READ \\(no logical id\\): SUCCESS after \\d+ ms, 1 service call\\R"));
    }

    @Test
    void theTestEntrypointServesATestPayload() throws IOException {
        final JSONObject payload = new JSONObject()
                .put("credentials", CREDENTIALS)
                .put("action", "READ")
                .put(
                        "request",
                        new JSONObject()
                                .put("clientRequestToken", "t")
                                .put("region", "us-east-1")
                                .put("desiredResourceState", READ_MODEL)
                                .put("logicalResourceIdentifier", "Response"));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        wrapper.testEntrypoint(
                new ByteArrayInputStream(payload.toString().getBytes(StandardCharsets.UTF_8)), out, context());

        final JSONObject answer = new JSONObject(out.toString(StandardCharsets.UTF_8));
        assertEquals("SUCCESS", answer.getString("status"), answer::toString);
        assertEquals("r1", answer.getJSONObject("resourceModel").getString("IntegrationResponseId"));
        assertEquals("$default", answer.getJSONObject("resourceModel").getString("IntegrationResponseKey"));
        // the function's log holds the invocation's closing line, with the logical id the payload named
        assertThat(log).anyMatch(line -> line.matches("READ Response: SUCCESS after \\d+ ms, 1 service call\\R"));
    }
}
