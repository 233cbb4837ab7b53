package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.fullModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.getResponse;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.minimalModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.notFound;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
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

    @Test
    void readsEveryPropertyAndKeepsTheParentIdentifiers() {
        final ResourceModel identifier = ResourceModel.builder()
                .apiId(HandlerTestSupport.API_ID)
                .integrationId(HandlerTestSupport.INTEGRATION_ID)
                .integrationResponseId(HandlerTestSupport.RESPONSE_ID)
                .build();
        when(client.getIntegrationResponse(eq(Translator.readRequest(identifier))))
                .thenReturn(getResponse(fullModel()));

        assertEquals(ProgressEvent.defaultSuccessHandler(fullModel()), read(identifier));
        verify(client).getIntegrationResponse(Translator.readRequest(identifier));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void readsAResponseWithoutMapsAsNoMapsAtAll() {
        when(client.getIntegrationResponse(eq(Translator.readRequest(minimalModel()))))
                .thenReturn(getResponse(minimalModel()));

        final ProgressEvent<ResourceModel, CallbackContext> event = read(minimalModel());

        assertEquals(ProgressEvent.defaultSuccessHandler(minimalModel()), event);
        verify(client).getIntegrationResponse(Translator.readRequest(minimalModel()));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void aMissingResourceFailsNotFoundNamingItWithoutAModel() {
        when(client.getIntegrationResponse(eq(Translator.readRequest(fullModel()))))
                .thenThrow(notFound("Invalid IntegrationResponse identifier specified"));

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NotFound,
                        ResourceModel.TYPE_NAME + " with identifier 'a1b2c3d4e5|int1234|res5678' was not found "
                                + "(Invalid IntegrationResponse identifier specified)"),
                read(fullModel()));
        verify(client).getIntegrationResponse(Translator.readRequest(fullModel()));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }
}
