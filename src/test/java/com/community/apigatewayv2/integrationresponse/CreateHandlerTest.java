package com.community.apigatewayv2.integrationresponse;

import static com.community.apigatewayv2.integrationresponse.HandlerTestSupport.REGION;
import static com.community.apigatewayv2.integrationresponse.HandlerTestSupport.createResponse;
import static com.community.apigatewayv2.integrationresponse.HandlerTestSupport.fullModel;
import static com.community.apigatewayv2.integrationresponse.HandlerTestSupport.minimalModel;
import static com.community.apigatewayv2.integrationresponse.HandlerTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseRequest;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class CreateHandlerTest {
    private final ApiGatewayV2Client client = HandlerTestSupport.mockClient();
    private final CreateHandler handler = new CreateHandler();

    private ProgressEvent<ResourceModel, CallbackContext> create(final ResourceModel desired) {
        return handler.handleRequest(HandlerTestSupport.proxy(), request(desired), new CallbackContext(),
            HandlerTestSupport.proxyClient(client), HandlerTestSupport.logger());
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
        when(client.createIntegrationResponse(any(CreateIntegrationResponseRequest.class))).thenThrow(
            ConflictException.builder().message("The resource already exists.")
                .awsErrorDetails(HandlerTestSupport.errorDetails("ConflictException", "The resource already exists.", 409))
                .statusCode(409).build());

        final ProgressEvent<ResourceModel, CallbackContext> event = create(desired);

        assertEquals(ProgressEvent.failed(null, null, HandlerErrorCode.AlreadyExists,
            ResourceModel.TYPE_NAME + " with IntegrationResponseKey '/200/' already exists in "
                + "integration 'int1234' of API 'a1b2c3d4e5' (The resource already exists.)"), event);
        verify(client).createIntegrationResponse(Translator.createRequest(desired));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void missingParentIdentifierFailsInvalidRequestBeforeAnyCall() {
        assertEquals(ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, "ApiId is required"),
            create(withoutId(fullModel()).toBuilder().apiId(null).build()));
        assertEquals(ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, "IntegrationId is required"),
            create(withoutId(fullModel()).toBuilder().integrationId("").build()));
        verifyNoInteractions(client);
    }

    @Test
    void publicEntryPointUsesTheRegionsClientAndInjectsTheCallersCredentials() {
        final List<String> regionsAsked = new ArrayList<>();
        final CreateHandler wired = new CreateHandler(region -> {
            regionsAsked.add(region);
            return client;
        });
        final ResourceModel desired = withoutId(fullModel());
        final ArgumentCaptor<CreateIntegrationResponseRequest> sent =
            ArgumentCaptor.forClass(CreateIntegrationResponseRequest.class);
        when(client.createIntegrationResponse(sent.capture())).thenReturn(createResponse(fullModel()));

        final ProgressEvent<ResourceModel, CallbackContext> event = wired.handleRequest(
            HandlerTestSupport.proxy(), request(desired), null, HandlerTestSupport.logger(), null);

        assertEquals(ProgressEvent.defaultSuccessHandler(fullModel()), event);
        assertThat(regionsAsked).isNotEmpty().containsOnly(REGION);
        final AwsRequestOverrideConfiguration override = sent.getValue().overrideConfiguration().orElseThrow();
        assertThat(override.credentialsProvider()).isPresent();
        assertEquals(Translator.createRequest(desired),
            sent.getValue().toBuilder().overrideConfiguration((AwsRequestOverrideConfiguration) null).build());
    }

    @Test
    void publicEntryPointRejectsARequestWithoutModelOrRegion() {
        final CreateHandler wired = new CreateHandler(region -> client);
        final ResourceHandlerRequest<ResourceModel> noModel = request(null);
        final ResourceHandlerRequest<ResourceModel> noRegion = request(fullModel());
        noRegion.setRegion(null);

        assertEquals(ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest,
                "The request carries no resource model"),
            wired.handleRequest(HandlerTestSupport.proxy(), noModel, null, HandlerTestSupport.logger(), null));
        assertEquals(ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, "The request names no region"),
            wired.handleRequest(HandlerTestSupport.proxy(), noRegion, null, HandlerTestSupport.logger(), null));
        verifyNoInteractions(client);
    }
}
