package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.fullModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.listItem;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.minimalModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.notFound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesResponse;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class ListHandlerTest {
    private static final ResourceModel SCOPE = ResourceModel.builder()
            .apiId(HandlerTestSupport.API_ID)
            .integrationId(HandlerTestSupport.INTEGRATION_ID)
            .build();

    private final ApiGatewayV2Client client = HandlerTestSupport.mockClient();
    private final ListHandler handler = new ListHandler();

    private ProgressEvent<ResourceModel, CallbackContext> list(final ResourceModel scope, final String nextToken) {
        final ResourceHandlerRequest<ResourceModel> request = HandlerTestSupport.request(scope);
        request.setNextToken(nextToken);
        return handler.handleRequest(
                HandlerTestSupport.proxy(),
                request,
                new CallbackContext(),
                HandlerTestSupport.proxyClient(client),
                HandlerTestSupport.logger());
    }

    @Test
    void passesTheRequestTokenAndReturnsTheServicesTokenWithOnePage() {
        final ResourceModel second =
                minimalModel().toBuilder().integrationResponseId("other12").build();
        final GetIntegrationResponsesRequest expectedRequest = HandlerTestSupport.listRequest("token-in");
        when(client.getIntegrationResponses(eq(expectedRequest)))
                .thenReturn(GetIntegrationResponsesResponse.builder()
                        .items(listItem(fullModel()), listItem(second))
                        .nextToken("token-out")
                        .build());

        assertEquals(
                ProgressEvent.<ResourceModel, CallbackContext>builder()
                        .resourceModels(List.of(fullModel(), second))
                        .nextToken("token-out")
                        .status(OperationStatus.SUCCESS)
                        .build(),
                list(SCOPE, "token-in"));
        verify(client).getIntegrationResponses(expectedRequest);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void theLastPageHasNoToken() {
        when(client.getIntegrationResponses(eq(HandlerTestSupport.listRequest(null))))
                .thenReturn(GetIntegrationResponsesResponse.builder()
                        .items(listItem(fullModel()))
                        .build());

        final ProgressEvent<ResourceModel, CallbackContext> event = list(SCOPE, null);

        assertEquals(OperationStatus.SUCCESS, event.getStatus());
        assertEquals(List.of(fullModel()), event.getResourceModels());
        assertEquals(null, event.getNextToken());
        verify(client).getIntegrationResponses(HandlerTestSupport.listRequest(null));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void aMissingIntegrationFailsNotFoundWithoutModels() {
        when(client.getIntegrationResponses(eq(HandlerTestSupport.listRequest(null))))
                .thenThrow(notFound("Invalid Integration identifier specified"));

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NotFound,
                        "Community::ApiGatewayV2::IntegrationResponse with identifier 'a1b2c3d4e5|int1234|'"
                                + " was not found (Invalid Integration identifier specified)"),
                list(SCOPE, null));
        verify(client).getIntegrationResponses(HandlerTestSupport.listRequest(null));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }
}
