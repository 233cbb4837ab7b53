package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.fullModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteIntegrationResponseResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** What each action needs of the model, checked once for every handler, before any call. */
class HandlersTest {
    private final ApiGatewayV2Client client = HandlerTestSupport.mockClient();
    private final Handlers handlers = new Handlers(new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION));

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
                                "Community::ApiGatewayV2::IntegrationResponse with identifier '|int1234|res5678' was not found"
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
                                "Community::ApiGatewayV2::IntegrationResponse with identifier 'a1b2c3d4e5|int1234|' was not found"
                                        + " (IntegrationResponseId is not set)")));
    }

    @ParameterizedTest
    @MethodSource("incompleteIdentifiers")
    void anIncompleteIdentifierFailsNotFoundBeforeAnyCall(
            final Action action, final ResourceModel model, final String message) {
        assertEquals(ProgressEvent.failed(null, null, HandlerErrorCode.NotFound, message), invoke(action, model));
        verifyNoInteractions(client);
    }

    /**
     * Identifiers that are not API Gateway's (letters and digits, 1 to 64): a dot segment would be sent
     * as a path segment ({@code DELETE /v2/apis/x/integrations/../integrationresponses/..}), a 10 MB one
     * as a 10 MB URL. No call is made, and the answer never repeats the value.
     */
    @ParameterizedTest
    @CsvSource({
        "READ,   NotFound",
        "UPDATE, NotFound",
        "DELETE, NotFound",
        "CREATE, InvalidRequest",
        "LIST,   InvalidRequest"
    })
    void anIdentifierThatIsNotAnApiGatewayIdFailsBeforeAnyCallWithoutRepeatingIt(
            final Action action, final HandlerErrorCode code) {
        final String huge = "x".repeat(65);
        for (final String bad : List.of("..", ".", "a/b", "1E+999999999", "ab cd", "ид", huge, "abc\n", "\nabc")) {
            final ResourceModel model =
                    fullModel().toBuilder().integrationId(bad).build();
            final ProgressEvent<ResourceModel, CallbackContext> event = invoke(action, model);
            final String message = (code == HandlerErrorCode.NotFound
                            ? "Community::ApiGatewayV2::IntegrationResponse was not found ("
                            : "")
                    + "IntegrationId is not an API Gateway identifier (1 to 64 characters matching ^[A-Za-z0-9]+$)"
                    + (code == HandlerErrorCode.NotFound ? ")" : "");
            assertEquals(ProgressEvent.failed(null, null, code, message), event, bad);
        }
        verifyNoInteractions(client);
        final ResourceModel longest =
                fullModel().toBuilder().apiId("A".repeat(64)).build();
        assertThat(Translator.malformedIdentifier(longest, ResourceModel.Property.primaryIdentifier()))
                .isEmpty();
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
    void aRequestWithoutActionModelRegionOrWithANullMapValueFailsInvalidRequestBeforeAnyCall() {
        assertEquals(
                ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, "The request names no action"),
                invoke(null, fullModel()));
        assertEquals(
                ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, "Unknown action LIST"),
                new Handlers(
                                new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION),
                                new EnumMap<>(Action.class))
                        .invoke(
                                HandlerTestSupport.proxy(),
                                HandlerTestSupport.request(fullModel()),
                                Action.LIST,
                                null,
                                HandlerTestSupport.logger()));
        assertEquals(
                ProgressEvent.failed(
                        null, null, HandlerErrorCode.InvalidRequest, "The request carries no resource model"),
                invoke(Action.READ, null));
        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.InvalidRequest,
                        "ResponseTemplates['text/plain'] is null: every value must be a string"),
                invoke(
                        Action.CREATE,
                        fullModel().toBuilder()
                                .responseTemplates(Collections.singletonMap("text/plain", null))
                                .build()));
        final ResourceHandlerRequest<ResourceModel> noRegion = HandlerTestSupport.request(fullModel());
        noRegion.setRegion(null);
        assertEquals(
                ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, "The request names no region"),
                handlers.invoke(HandlerTestSupport.proxy(), noRegion, Action.READ, null, HandlerTestSupport.logger()));
        verifyNoInteractions(client);
    }

    @Test
    void theActionsHandlerRunsWithTheRegionsClientAndTheCallersCredentials() {
        final List<String> regions = new ArrayList<>();
        final ArgumentCaptor<DeleteIntegrationResponseRequest> sent =
                ArgumentCaptor.forClass(DeleteIntegrationResponseRequest.class);
        when(client.deleteIntegrationResponse(sent.capture()))
                .thenReturn(DeleteIntegrationResponseResponse.builder().build());

        final ProgressEvent<ResourceModel, CallbackContext> event = new Handlers(new HandlerConfig(
                        region -> {
                            regions.add(region);
                            return client;
                        },
                        ThrottlePolicy.PRODUCTION))
                .invoke(
                        HandlerTestSupport.proxy(),
                        HandlerTestSupport.request(fullModel()),
                        Action.DELETE,
                        null,
                        HandlerTestSupport.logger());

        assertEquals(
                ProgressEvent.<ResourceModel, CallbackContext>builder()
                        .status(OperationStatus.SUCCESS)
                        .build(),
                event);
        assertThat(regions).isNotEmpty().containsOnly("eu-west-1");
        assertEquals(List.of("accessKey", "secretKey", "sessionToken"), HandlerTestSupport.signedWith(sent.getValue()));
        assertEquals(
                HandlerTestSupport.deleteRequest("res5678"),
                sent.getValue().toBuilder()
                        .overrideConfiguration((AwsRequestOverrideConfiguration) null)
                        .build());
    }

    /** A handler that throws is answered as a failed call would be, and the log says which action threw. */
    @Test
    void whatAHandlerThrowsGoesThroughTheExceptionTranslator() {
        final BaseHandlerStd broken = new BaseHandlerStd() {
            @Override
            protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
                    final AmazonWebServicesClientProxy proxy,
                    final ResourceHandlerRequest<ResourceModel> request,
                    final CallbackContext callbackContext,
                    final ProxyClient<ApiGatewayV2Client> proxyClient,
                    final Logger logger) {
                throw HandlerTestSupport.notFound("Invalid Integration identifier specified");
            }
        };
        final List<String> logged = new ArrayList<>();

        final ProgressEvent<ResourceModel, CallbackContext> event = new Handlers(
                        new HandlerConfig(region -> client, ThrottlePolicy.PRODUCTION),
                        new EnumMap<>(Map.of(Action.READ, broken)))
                .invoke(
                        HandlerTestSupport.proxy(),
                        HandlerTestSupport.request(fullModel()),
                        Action.READ,
                        null,
                        logged::add);

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NotFound,
                        "Community::ApiGatewayV2::IntegrationResponse with identifier 'a1b2c3d4e5|int1234|res5678'"
                                + " was not found (Invalid Integration identifier specified)"),
                event);
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0))
                .startsWith(
                        "The READ handler threw software.amazon.awssdk.services.apigatewayv2.model.NotFoundException");
        // the handler threw before its first call
        assertThat(logged.get(1)).matches("READ \\(no logical id\\): FAILED NotFound after \\d+ ms, 0 service calls");
    }

    @Test
    void callGraphsAreNamedAfterTheTypeTheBuildWasGiven() {
        assertEquals(System.getProperty("type.name") + "::", BaseHandlerStd.CALL_GRAPH);
    }
}
