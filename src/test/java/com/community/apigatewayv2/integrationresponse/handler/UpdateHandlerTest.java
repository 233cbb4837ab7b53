package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.fullModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.getResponse;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.minimalModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.notFound;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.request;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.updateResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseRequest;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

class UpdateHandlerTest {
    private final ApiGatewayV2Client client = HandlerTestSupport.mockClient();
    private final UpdateHandler handler = new UpdateHandler();

    private ProgressEvent<ResourceModel, CallbackContext> update(
            final ResourceModel desired, final ResourceModel previous) {
        return handler.handleRequest(
                HandlerTestSupport.proxy(),
                request(desired, previous),
                new CallbackContext(),
                HandlerTestSupport.proxyClient(client),
                HandlerTestSupport.logger());
    }

    /** The service answers the PATCH and the read with {@code state}. */
    private void serviceReaches(final UpdateIntegrationResponseRequest patch, final ResourceModel state) {
        when(client.updateIntegrationResponse(eq(patch))).thenReturn(updateResponse(state));
        when(client.getIntegrationResponse(eq(Translator.readRequest(state)))).thenReturn(getResponse(state));
    }

    @Test
    void changesEveryPropertyWithOnePatchAndProvesItWithOneRead() {
        final ResourceModel previous = fullModel();
        final ResourceModel desired = fullModel().toBuilder()
                .integrationResponseKey("/4\\d\\d/")
                .contentHandlingStrategy("CONVERT_TO_BINARY")
                .templateSelectionExpression("$default")
                .responseParameters(Map.of("method.response.header.X-Other", "'static'"))
                .responseTemplates(Map.of("application/xml", "<ok/>"))
                .build();
        final UpdateIntegrationResponseRequest patch = Translator.updateRequest(desired, previous);
        serviceReaches(patch, desired);

        assertEquals(ProgressEvent.defaultSuccessHandler(desired), update(desired, previous));
        verify(client).updateIntegrationResponse(patch);
        verify(client).getIntegrationResponse(Translator.readRequest(desired));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    static Stream<Arguments> droppedProperties() {
        return Stream.<Arguments>of(
                Arguments.of("ContentHandlingStrategy", (UnaryOperator<ResourceModel>)
                        m -> m.toBuilder().contentHandlingStrategy(null).build()),
                Arguments.of("TemplateSelectionExpression", (UnaryOperator<ResourceModel>)
                        m -> m.toBuilder().templateSelectionExpression(null).build()),
                Arguments.of("ResponseParameters", (UnaryOperator<ResourceModel>)
                        m -> m.toBuilder().responseParameters(null).build()),
                Arguments.of("ResponseTemplates", (UnaryOperator<ResourceModel>)
                        m -> m.toBuilder().responseTemplates(null).build()),
                Arguments.of("one ResponseTemplates entry", (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                        .responseTemplates(Map.of("application/json", "{\"ok\": true}"))
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("droppedProperties")
    void aPropertyDroppedFromTheTemplateIsGoneAfterwards(
            final String dropped, final UnaryOperator<ResourceModel> drop) {
        final ResourceModel previous = fullModel();
        final ResourceModel desired = drop.apply(fullModel());
        final UpdateIntegrationResponseRequest patch = Translator.updateRequest(desired, previous);
        serviceReaches(patch, desired);

        assertEquals(ProgressEvent.defaultSuccessHandler(desired), update(desired, previous));
        verify(client).updateIntegrationResponse(patch);
        verify(client).getIntegrationResponse(Translator.readRequest(desired));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void withoutAPreviousStateOnlyTheDesiredValuesAreSent() {
        final UpdateIntegrationResponseRequest patch = Translator.updateRequest(fullModel(), null);
        serviceReaches(patch, fullModel());

        assertEquals(ProgressEvent.defaultSuccessHandler(fullModel()), update(fullModel(), null));
        verify(client).updateIntegrationResponse(patch);
        verify(client).getIntegrationResponse(Translator.readRequest(fullModel()));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void somethingSetOutsideTheTemplateIsClearedByASecondPatch() {
        final ResourceModel desired = minimalModel();
        final ResourceModel drifted = minimalModel().toBuilder()
                .contentHandlingStrategy("CONVERT_TO_TEXT")
                .build();
        final UpdateIntegrationResponseRequest firstPatch = Translator.updateRequest(desired, minimalModel());
        final UpdateIntegrationResponseRequest secondPatch = Translator.updateRequest(desired, drifted);
        assertThat(secondPatch.contentHandlingStrategyAsString()).isEmpty();
        when(client.updateIntegrationResponse(eq(firstPatch))).thenReturn(updateResponse(drifted));
        serviceReaches(secondPatch, desired);

        assertEquals(ProgressEvent.defaultSuccessHandler(desired), update(desired, minimalModel()));
        verify(client).updateIntegrationResponse(firstPatch);
        verify(client).updateIntegrationResponse(secondPatch);
        verify(client).getIntegrationResponse(Translator.readRequest(desired));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void aReadBackThatDiffersFailsNotStabilizedNamingTheProperty() {
        final ResourceModel desired = fullModel();
        final UpdateIntegrationResponseRequest patch = Translator.updateRequest(desired, desired);
        when(client.updateIntegrationResponse(eq(patch))).thenReturn(updateResponse(desired));
        when(client.getIntegrationResponse(eq(Translator.readRequest(desired))))
                .thenReturn(getResponse(desired.toBuilder()
                        .responseTemplates(Map.of("text/plain", "stale"))
                        .build()));

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NotStabilized,
                        "After the update the service still holds other values for ResponseTemplates"),
                update(desired, desired));
    }

    @Test
    void aResourceThatDoesNotExistFailsNotFoundWithoutARead() {
        final UpdateIntegrationResponseRequest patch = Translator.updateRequest(fullModel(), fullModel());
        when(client.updateIntegrationResponse(eq(patch)))
                .thenThrow(notFound("Invalid IntegrationResponse identifier specified"));

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NotFound,
                        ExceptionTranslator.notFound(fullModel(), "Invalid IntegrationResponse identifier specified")),
                update(fullModel(), fullModel()));
        verify(client).updateIntegrationResponse(patch);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void aKeyTakenByAnotherResponseFailsResourceConflict() {
        final UpdateIntegrationResponseRequest patch = Translator.updateRequest(fullModel(), fullModel());
        when(client.updateIntegrationResponse(eq(patch)))
                .thenThrow(ConflictException.builder()
                        .awsErrorDetails(HandlerTestSupport.errorDetails(
                                "ConflictException", "The resource already exists.", 409))
                        .statusCode(409)
                        .build());

        assertEquals(
                ProgressEvent.failed(null, null, HandlerErrorCode.ResourceConflict, "The resource already exists."),
                update(fullModel(), fullModel()));
    }

    @Test
    void changingACreateOnlyPropertyFailsNotUpdatable() {
        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NotUpdatable,
                        "ApiId cannot be updated: it is a create-only property"),
                update(fullModel(), fullModel().toBuilder().apiId("otherapi01").build()));
        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NotUpdatable,
                        "IntegrationId cannot be updated: it is a create-only property"),
                update(
                        fullModel(),
                        fullModel().toBuilder().integrationId("other12").build()));
        verifyNoInteractions(client);
    }
}
