package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.getRequest;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.getResponse;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.notFound;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

class ReadHandlerTest {
    private final ApiGatewayV2Client client = HandlerTestSupport.mockClient();
    private final ReadHandler handler = new ReadHandler();

    private ProgressEvent<ResourceModel, CallbackContext> read(final ResourceModel model) {
        return handler.handleRequest(
                HandlerTestSupport.proxy(),
                request(model),
                new CallbackContext(),
                HandlerTestSupport.proxyClient(client),
                HandlerTestSupport.logger());
    }

    private static ResourceModel.ResourceModelBuilder identifier() {
        return ResourceModel.builder()
                .apiId("a1b2c3d4e5")
                .integrationId("int1234")
                .integrationResponseId("res5678");
    }

    @Test
    void readsEveryPropertyAndKeepsTheParentIdentifiers() {
        when(client.getIntegrationResponse(eq(getRequest("res5678"))))
                .thenReturn(getResponse(HandlerTestSupport.fullModel()));

        assertEquals(
                ProgressEvent.defaultSuccessHandler(identifier()
                        .integrationResponseKey("/200/")
                        .contentHandlingStrategy("CONVERT_TO_TEXT")
                        .templateSelectionExpression("$request.body.action")
                        .responseParameters(
                                Map.of("method.response.header.X-Trace", "integration.response.header.X-Trace"))
                        .responseTemplates(Map.of("application/json", "{\"ok\": true}", "text/plain", ""))
                        .build()),
                read(identifier().build()));
        verify(client).getIntegrationResponse(getRequest("res5678"));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    /** The service answers without maps (the SDK gives empty auto-construct maps) and without an expression. */
    @Test
    void emptyValuesTheModelGaveComeBackAsGivenAndAbsentOnesStayAbsent() {
        when(client.getIntegrationResponse(eq(getRequest("res5678"))))
                .thenReturn(getResponse(ResourceModel.builder()
                        .integrationResponseId("res5678")
                        .integrationResponseKey("$default")
                        .build()));

        assertEquals(
                ProgressEvent.defaultSuccessHandler(identifier()
                        .integrationResponseKey("$default")
                        .responseTemplates(Map.of())
                        .templateSelectionExpression("")
                        .build()),
                read(identifier()
                        .integrationResponseKey("$default")
                        .responseTemplates(Map.of())
                        .templateSelectionExpression("")
                        .build()));
        verify(client).getIntegrationResponse(getRequest("res5678"));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    /** Drift: what the service holds shows, whatever the model CloudFormation sent says. */
    @Test
    void valuesChangedOutsideCloudFormationShowAsTheServiceHoldsThem() {
        when(client.getIntegrationResponse(eq(getRequest("res5678"))))
                .thenReturn(getResponse(ResourceModel.builder()
                        .integrationResponseId("res5678")
                        .integrationResponseKey("/5\\d\\d/")
                        .contentHandlingStrategy("CONVERT_TO_BINARY")
                        .responseTemplates(Map.of("application/json", "{\"changed\": true}"))
                        .build()));

        assertEquals(
                ProgressEvent.defaultSuccessHandler(identifier()
                        .integrationResponseKey("/5\\d\\d/")
                        .contentHandlingStrategy("CONVERT_TO_BINARY")
                        .responseParameters(Map.of())
                        .responseTemplates(Map.of("application/json", "{\"changed\": true}"))
                        .build()),
                read(identifier()
                        .integrationResponseKey("$default")
                        .templateSelectionExpression("$request.body.action")
                        .responseParameters(Map.of())
                        .responseTemplates(Map.of("application/json", "{}"))
                        .build()));
    }

    @Test
    void aMissingResourceFailsNotFoundNamingItWithoutAModel() {
        when(client.getIntegrationResponse(eq(getRequest("res5678"))))
                .thenThrow(notFound("Invalid IntegrationResponse identifier specified"));

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NotFound,
                        "Community::ApiGatewayV2::IntegrationResponse with identifier 'a1b2c3d4e5|int1234|res5678' was not found "
                                + "(Invalid IntegrationResponse identifier specified)"),
                read(HandlerTestSupport.fullModel()));
        verify(client).getIntegrationResponse(getRequest("res5678"));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }
}
