package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.createResponse;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseRequest;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

class CreateHandlerTest {
    /** The id the service assigns; the request never has one. */
    private static final String ASSIGNED_ID = "k9x8y7z";

    private final ApiGatewayV2Client client = HandlerTestSupport.mockClient();
    private final CreateHandler handler = new CreateHandler();

    private ProgressEvent<ResourceModel, CallbackContext> create(final ResourceModel desired) {
        return handler.handleRequest(
                HandlerTestSupport.proxy(),
                request(desired),
                new CallbackContext(),
                HandlerTestSupport.proxyClient(client),
                HandlerTestSupport.logger());
    }

    private static ResourceModel.ResourceModelBuilder desired() {
        return ResourceModel.builder().apiId("a1b2c3d4e5").integrationId("int1234");
    }

    @Test
    void createsWithEveryPropertyAndReturnsTheIdTheServiceAssigned() {
        final ResourceModel desired = desired()
                .integrationResponseKey("/200/")
                .contentHandlingStrategy("CONVERT_TO_TEXT")
                .templateSelectionExpression("$request.body.action")
                .responseParameters(Map.of("method.response.header.X-Trace", "integration.response.header.X-Trace"))
                .responseTemplates(Map.of("application/json", "{\"ok\": true}", "text/plain", ""))
                .build();
        final CreateIntegrationResponseRequest expectedRequest = CreateIntegrationResponseRequest.builder()
                .apiId("a1b2c3d4e5")
                .integrationId("int1234")
                .integrationResponseKey("/200/")
                .contentHandlingStrategy("CONVERT_TO_TEXT")
                .templateSelectionExpression("$request.body.action")
                .responseParameters(Map.of("method.response.header.X-Trace", "integration.response.header.X-Trace"))
                .responseTemplates(Map.of("application/json", "{\"ok\": true}", "text/plain", ""))
                .build();
        when(client.createIntegrationResponse(eq(expectedRequest)))
                .thenReturn(createResponse(
                        desired.toBuilder().integrationResponseId(ASSIGNED_ID).build()));

        assertEquals(
                ProgressEvent.defaultSuccessHandler(desired()
                        .integrationResponseId(ASSIGNED_ID)
                        .integrationResponseKey("/200/")
                        .contentHandlingStrategy("CONVERT_TO_TEXT")
                        .templateSelectionExpression("$request.body.action")
                        .responseParameters(
                                Map.of("method.response.header.X-Trace", "integration.response.header.X-Trace"))
                        .responseTemplates(Map.of("application/json", "{\"ok\": true}", "text/plain", ""))
                        .build()),
                create(desired));
        verify(client).createIntegrationResponse(expectedRequest);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    /** The service stores nothing for {@code {}} or {@code ""} and answers without them; they come back as given. */
    @Test
    void emptyValuesComeBackAsGivenAndAbsentOnesStayAbsent() {
        final ResourceModel desired = desired()
                .integrationResponseKey("$default")
                .templateSelectionExpression("")
                .responseParameters(Map.of())
                .responseTemplates(Map.of())
                .build();
        final CreateIntegrationResponseRequest expectedRequest = CreateIntegrationResponseRequest.builder()
                .apiId("a1b2c3d4e5")
                .integrationId("int1234")
                .integrationResponseKey("$default")
                .build();
        when(client.createIntegrationResponse(eq(expectedRequest)))
                .thenReturn(createResponse(ResourceModel.builder()
                        .integrationResponseId(ASSIGNED_ID)
                        .integrationResponseKey("$default")
                        .build()));

        assertEquals(
                ProgressEvent.defaultSuccessHandler(desired()
                        .integrationResponseId(ASSIGNED_ID)
                        .integrationResponseKey("$default")
                        .templateSelectionExpression("")
                        .responseParameters(Map.of())
                        .responseTemplates(Map.of())
                        .build()),
                create(desired));
        verify(client).createIntegrationResponse(expectedRequest);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    /** Where the service's answer holds something other than the request asked for, the service's value shows. */
    @Test
    void whatTheServiceHoldsShowsWhereItDiffersFromTheRequest() {
        final ResourceModel desired = desired()
                .integrationResponseKey("$default")
                .templateSelectionExpression("$request.body.action")
                .responseTemplates(Map.of())
                .build();
        when(client.createIntegrationResponse(any(CreateIntegrationResponseRequest.class)))
                .thenReturn(createResponse(ResourceModel.builder()
                        .integrationResponseId(ASSIGNED_ID)
                        .integrationResponseKey("$default")
                        .contentHandlingStrategy("CONVERT_TO_TEXT")
                        .templateSelectionExpression("$request.body.type")
                        .responseTemplates(Map.of("application/json", "{}"))
                        .build()));

        assertEquals(
                ProgressEvent.defaultSuccessHandler(desired()
                        .integrationResponseId(ASSIGNED_ID)
                        .integrationResponseKey("$default")
                        .contentHandlingStrategy("CONVERT_TO_TEXT")
                        .templateSelectionExpression("$request.body.type")
                        .responseTemplates(Map.of("application/json", "{}"))
                        .build()),
                create(desired));
    }

    @Test
    void duplicateKeyFailsAlreadyExistsWithoutAModel() {
        final ResourceModel desired = desired().integrationResponseKey("/200/").build();
        when(client.createIntegrationResponse(any(CreateIntegrationResponseRequest.class)))
                .thenThrow(ConflictException.builder()
                        .message("The resource already exists.")
                        .awsErrorDetails(HandlerTestSupport.errorDetails(
                                "ConflictException", "The resource already exists.", 409))
                        .statusCode(409)
                        .build());

        final ProgressEvent<ResourceModel, CallbackContext> event = create(desired);

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.AlreadyExists,
                        "Community::ApiGatewayV2::IntegrationResponse with IntegrationResponseKey '/200/' already exists in "
                                + "integration 'int1234' of API 'a1b2c3d4e5' (The resource already exists.)"),
                event);
        verify(client)
                .createIntegrationResponse(CreateIntegrationResponseRequest.builder()
                        .apiId("a1b2c3d4e5")
                        .integrationId("int1234")
                        .integrationResponseKey("/200/")
                        .build());
        HandlerTestSupport.verifyNoOtherCalls(client);
    }
}
