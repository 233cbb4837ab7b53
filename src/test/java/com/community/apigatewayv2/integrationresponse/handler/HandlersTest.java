package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.fullModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.verifyNoInteractions;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** What each action needs of the model, checked once for every handler, before any call. */
class HandlersTest {
    private final ApiGatewayV2Client client = HandlerTestSupport.mockClient();
    private final Handlers handlers = new Handlers(region -> client);

    private ProgressEvent<ResourceModel, CallbackContext> invoke(final Action action, final ResourceModel model) {
        return handlers.invoke(
                HandlerTestSupport.proxy(),
                HandlerTestSupport.request(model),
                action,
                null,
                HandlerTestSupport.logger());
    }

    static Stream<Arguments> incompleteIdentifiers() {
        return Stream.of(Action.READ, Action.UPDATE, Action.DELETE)
                .flatMap(action -> Stream.of(
                        Arguments.of(
                                action,
                                fullModel().toBuilder().apiId(null).build(),
                                "Community::ApiGatewayV2::IntegrationResponse with identifier 'null|int1234|res5678' was not found"
                                        + " (ApiId is not set)"),
                        Arguments.of(
                                action,
                                fullModel().toBuilder().integrationId("").build(),
                                "Community::ApiGatewayV2::IntegrationResponse with identifier 'a1b2c3d4e5||res5678' was not found"
                                        + " (IntegrationId is not set)"),
                        Arguments.of(
                                action,
                                fullModel().toBuilder()
                                        .integrationResponseId(null)
                                        .build(),
                                "Community::ApiGatewayV2::IntegrationResponse with identifier 'a1b2c3d4e5|int1234|null' was not found"
                                        + " (IntegrationResponseId is not set)")));
    }

    @ParameterizedTest
    @MethodSource("incompleteIdentifiers")
    void anIncompleteIdentifierFailsNotFoundBeforeAnyCall(
            final Action action, final ResourceModel model, final String message) {
        assertEquals(ProgressEvent.failed(null, null, HandlerErrorCode.NotFound, message), invoke(action, model));
        verifyNoInteractions(client);
    }

    @Test
    void createWithoutItsParentFailsInvalidRequestBeforeAnyCall() {
        final ResourceModel unsaved =
                fullModel().toBuilder().integrationResponseId(null).build();
        assertEquals(
                ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, "ApiId is required"),
                invoke(Action.CREATE, unsaved.toBuilder().apiId(null).build()));
        assertEquals(
                ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, "IntegrationId is required"),
                invoke(Action.CREATE, unsaved.toBuilder().integrationId("").build()));
        verifyNoInteractions(client);
    }

    @Test
    void listWithoutItsScopeFailsInvalidRequestNamingTheProperty() {
        final ResourceModel scope = ResourceModel.builder()
                .apiId("a1b2c3d4e5")
                .integrationId("int1234")
                .build();
        assertEquals(
                ProgressEvent.failed(
                        null, null, HandlerErrorCode.InvalidRequest, "ApiId is required to list integration responses"),
                invoke(Action.LIST, scope.toBuilder().apiId(null).build()));
        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.InvalidRequest,
                        "IntegrationId is required to list integration responses"),
                invoke(Action.LIST, scope.toBuilder().integrationId(null).build()));
        verifyNoInteractions(client);
    }

    @Test
    void callGraphsAreNamedAfterTheTypeTheBuildWasGiven() {
        assertEquals(System.getProperty("type.name") + "::", BaseHandlerStd.CALL_GRAPH);
    }
}
