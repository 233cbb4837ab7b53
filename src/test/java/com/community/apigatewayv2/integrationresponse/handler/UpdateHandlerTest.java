package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.fullModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.getRequest;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.getResponse;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.minimalModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.notFound;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.patch;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.request;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.updateResponse;
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

    /** The PATCH that sends every value of {@link HandlerTestSupport#fullModel()}. */
    private static UpdateIntegrationResponseRequest.Builder patchOfTheFullModel() {
        return patch().integrationResponseKey("/200/")
                .contentHandlingStrategy("CONVERT_TO_TEXT")
                .templateSelectionExpression("$request.body.action")
                .responseParameters(Map.of("method.response.header.X-Trace", "integration.response.header.X-Trace"))
                .responseTemplates(Map.of("application/json", "{\"ok\": true}", "text/plain", ""));
    }

    /** The service takes {@code patch}, then holds and answers {@code held}, to the PATCH and to the read. */
    private void serviceReaches(final UpdateIntegrationResponseRequest patch, final ResourceModel held) {
        when(client.updateIntegrationResponse(eq(patch))).thenReturn(updateResponse(held));
        when(client.getIntegrationResponse(eq(getRequest("res5678")))).thenReturn(getResponse(held));
    }

    @Test
    void changesEveryPropertyWithOnePatchAndProvesItWithOneRead() {
        final ResourceModel desired = fullModel().toBuilder()
                .integrationResponseKey("/4\\d\\d/")
                .contentHandlingStrategy("CONVERT_TO_BINARY")
                .templateSelectionExpression("$default")
                .responseParameters(Map.of("method.response.header.X-Other", "'static'"))
                .responseTemplates(Map.of("application/xml", "<ok/>"))
                .build();
        final UpdateIntegrationResponseRequest expectedPatch = patch().integrationResponseKey("/4\\d\\d/")
                .contentHandlingStrategy("CONVERT_TO_BINARY")
                .templateSelectionExpression("$default")
                .responseParameters(Map.of("method.response.header.X-Other", "'static'"))
                .responseTemplates(Map.of("application/xml", "<ok/>"))
                .build();
        serviceReaches(expectedPatch, desired);

        assertEquals(
                ProgressEvent.defaultSuccessHandler(ResourceModel.builder()
                        .apiId("a1b2c3d4e5")
                        .integrationId("int1234")
                        .integrationResponseId("res5678")
                        .integrationResponseKey("/4\\d\\d/")
                        .contentHandlingStrategy("CONVERT_TO_BINARY")
                        .templateSelectionExpression("$default")
                        .responseParameters(Map.of("method.response.header.X-Other", "'static'"))
                        .responseTemplates(Map.of("application/xml", "<ok/>"))
                        .build()),
                update(desired, fullModel()));
        verify(client).updateIntegrationResponse(expectedPatch);
        verify(client).getIntegrationResponse(getRequest("res5678"));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    static Stream<Arguments> droppedProperties() {
        return Stream.<Arguments>of(
                Arguments.of(
                        "ContentHandlingStrategy",
                        (UnaryOperator<ResourceModel>)
                                m -> m.toBuilder().contentHandlingStrategy(null).build(),
                        patchOfTheFullModel().contentHandlingStrategy("").build()),
                Arguments.of(
                        "TemplateSelectionExpression",
                        (UnaryOperator<ResourceModel>) m ->
                                m.toBuilder().templateSelectionExpression(null).build(),
                        patchOfTheFullModel().templateSelectionExpression("").build()),
                Arguments.of(
                        "ResponseParameters",
                        (UnaryOperator<ResourceModel>)
                                m -> m.toBuilder().responseParameters(null).build(),
                        patchOfTheFullModel().responseParameters(Map.of()).build()),
                Arguments.of(
                        "ResponseTemplates",
                        (UnaryOperator<ResourceModel>)
                                m -> m.toBuilder().responseTemplates(null).build(),
                        patchOfTheFullModel().responseTemplates(Map.of()).build()),
                Arguments.of(
                        "one ResponseTemplates entry",
                        (UnaryOperator<ResourceModel>) m -> m.toBuilder()
                                .responseTemplates(Map.of("application/json", "{\"ok\": true}"))
                                .build(),
                        patchOfTheFullModel()
                                .responseTemplates(Map.of("application/json", "{\"ok\": true}"))
                                .build()));
    }

    /** The service answers without what was dropped (an empty auto-construct map for a map): it stays absent. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("droppedProperties")
    void aPropertyDroppedFromTheTemplateIsClearedAndStaysAbsent(
            final String dropped,
            final UnaryOperator<ResourceModel> drop,
            final UpdateIntegrationResponseRequest expectedPatch) {
        final ResourceModel desired = drop.apply(fullModel());
        serviceReaches(expectedPatch, desired);

        assertEquals(ProgressEvent.defaultSuccessHandler(desired), update(desired, fullModel()));
        verify(client).updateIntegrationResponse(expectedPatch);
        verify(client).getIntegrationResponse(getRequest("res5678"));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    /** Cleared to {@code {}} and {@code ""}, the service holds nothing for them; the read-back shows them as given. */
    @Test
    void valuesClearedToEmptyComeBackAsGivenFromTheReadBack() {
        final ResourceModel desired = minimalModel().toBuilder()
                .templateSelectionExpression("")
                .responseParameters(Map.of())
                .responseTemplates(Map.of())
                .build();
        final UpdateIntegrationResponseRequest expectedPatch = patch().integrationResponseKey("$default")
                .contentHandlingStrategy("")
                .templateSelectionExpression("")
                .responseParameters(Map.of())
                .responseTemplates(Map.of())
                .build();
        serviceReaches(
                expectedPatch,
                ResourceModel.builder()
                        .integrationResponseId("res5678")
                        .integrationResponseKey("$default")
                        .build());

        assertEquals(
                ProgressEvent.defaultSuccessHandler(ResourceModel.builder()
                        .apiId("a1b2c3d4e5")
                        .integrationId("int1234")
                        .integrationResponseId("res5678")
                        .integrationResponseKey("$default")
                        .templateSelectionExpression("")
                        .responseParameters(Map.of())
                        .responseTemplates(Map.of())
                        .build()),
                update(desired, fullModel()));
        verify(client).updateIntegrationResponse(expectedPatch);
        verify(client).getIntegrationResponse(getRequest("res5678"));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void withoutAPreviousStateOnlyTheDesiredValuesAreSent() {
        serviceReaches(patchOfTheFullModel().build(), fullModel());

        assertEquals(ProgressEvent.defaultSuccessHandler(fullModel()), update(fullModel(), null));
        verify(client).updateIntegrationResponse(patchOfTheFullModel().build());
        verify(client).getIntegrationResponse(getRequest("res5678"));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void somethingSetOutsideTheTemplateIsClearedByASecondPatch() {
        final ResourceModel desired = minimalModel();
        final UpdateIntegrationResponseRequest firstPatch =
                patch().integrationResponseKey("$default").build();
        final UpdateIntegrationResponseRequest secondPatch = patch().integrationResponseKey("$default")
                .contentHandlingStrategy("")
                .build();
        when(client.updateIntegrationResponse(eq(firstPatch)))
                .thenReturn(updateResponse(minimalModel().toBuilder()
                        .contentHandlingStrategy("CONVERT_TO_TEXT")
                        .build()));
        serviceReaches(secondPatch, desired);

        assertEquals(ProgressEvent.defaultSuccessHandler(minimalModel()), update(desired, minimalModel()));
        verify(client).updateIntegrationResponse(firstPatch);
        verify(client).updateIntegrationResponse(secondPatch);
        verify(client).getIntegrationResponse(getRequest("res5678"));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void aReadBackThatDiffersFailsNotStabilizedNamingTheProperty() {
        final UpdateIntegrationResponseRequest expectedPatch =
                patchOfTheFullModel().build();
        when(client.updateIntegrationResponse(eq(expectedPatch))).thenReturn(updateResponse(fullModel()));
        when(client.getIntegrationResponse(eq(getRequest("res5678"))))
                .thenReturn(getResponse(fullModel().toBuilder()
                        .responseTemplates(Map.of("text/plain", "stale"))
                        .build()));

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NotStabilized,
                        "After the update the service still holds other values for ResponseTemplates"),
                update(fullModel(), fullModel()));
        verify(client).updateIntegrationResponse(expectedPatch);
        verify(client).getIntegrationResponse(getRequest("res5678"));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void aResourceThatDoesNotExistFailsNotFoundWithoutARead() {
        final UpdateIntegrationResponseRequest expectedPatch =
                patchOfTheFullModel().build();
        when(client.updateIntegrationResponse(eq(expectedPatch)))
                .thenThrow(notFound("Invalid IntegrationResponse identifier specified"));

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NotFound,
                        "Community::ApiGatewayV2::IntegrationResponse with identifier 'a1b2c3d4e5|int1234|res5678'"
                                + " was not found (Invalid IntegrationResponse identifier specified)"),
                update(fullModel(), fullModel()));
        verify(client).updateIntegrationResponse(expectedPatch);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void aKeyTakenByAnotherResponseFailsResourceConflict() {
        final UpdateIntegrationResponseRequest expectedPatch =
                patchOfTheFullModel().build();
        when(client.updateIntegrationResponse(eq(expectedPatch)))
                .thenThrow(ConflictException.builder()
                        .awsErrorDetails(HandlerTestSupport.errorDetails(
                                "ConflictException", "The resource already exists.", 409))
                        .statusCode(409)
                        .build());

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.ResourceConflict,
                        "Another response of integration 'int1234' of API 'a1b2c3d4e5' holds the IntegrationResponseKey"
                                + " '/200/', which must be unique in the integration (The resource already exists.)"),
                update(fullModel(), fullModel()));
        verify(client).updateIntegrationResponse(expectedPatch);
        HandlerTestSupport.verifyNoOtherCalls(client);
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
