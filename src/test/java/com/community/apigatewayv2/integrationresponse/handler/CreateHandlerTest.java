package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.createResponse;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.fullModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.minimalModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseRequest;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

class CreateHandlerTest {
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

    private static ResourceModel withoutId(final ResourceModel model) {
        return model.toBuilder().integrationResponseId(null).build();
    }

    @Test
    void createsWithEveryPropertyAndReturnsTheServiceState() {
        final ResourceModel desired = withoutId(fullModel());
        final CreateIntegrationResponseRequest expectedRequest = Translator.createRequest(desired);
        when(client.createIntegrationResponse(eq(expectedRequest))).thenReturn(createResponse(fullModel()));

        final ProgressEvent<ResourceModel, CallbackContext> event = create(desired);

        assertEquals(ProgressEvent.defaultSuccessHandler(fullModel()), event);
        verify(client).createIntegrationResponse(expectedRequest);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void createsWithOnlyTheRequiredPropertiesAndReturnsNoEmptyMaps() {
        final ResourceModel desired = withoutId(minimalModel());
        final CreateIntegrationResponseRequest expectedRequest = Translator.createRequest(desired);
        assertThat(expectedRequest.hasResponseParameters()).isFalse();
        assertThat(expectedRequest.hasResponseTemplates()).isFalse();
        when(client.createIntegrationResponse(eq(expectedRequest))).thenReturn(createResponse(minimalModel()));

        assertEquals(ProgressEvent.defaultSuccessHandler(minimalModel()), create(desired));
        verify(client).createIntegrationResponse(expectedRequest);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void duplicateKeyFailsAlreadyExistsWithoutAModel() {
        final ResourceModel desired = withoutId(fullModel());
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
                        ResourceModel.TYPE_NAME + " with IntegrationResponseKey '/200/' already exists in "
                                + "integration 'int1234' of API 'a1b2c3d4e5' (The resource already exists.)"),
                event);
        verify(client).createIntegrationResponse(Translator.createRequest(desired));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }
}
