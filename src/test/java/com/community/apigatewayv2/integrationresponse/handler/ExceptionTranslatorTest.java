package com.community.apigatewayv2.integrationresponse.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.apigatewayv2.model.AccessDeniedException;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.TooManyRequestsException;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.exceptions.CfnNotStabilizedException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

class ExceptionTranslatorTest {
    static Stream<Arguments> mappings() {
        return Stream.of(
                Arguments.of(
                        HandlerTestSupport.notFound("Invalid API identifier specified"),
                        Action.READ,
                        HandlerErrorCode.NotFound,
                        "Community::ApiGatewayV2::IntegrationResponse with identifier 'a1b2c3d4e5|int1234|res5678' was not found (Invalid API identifier specified)"),
                Arguments.of(
                        BadRequestException.builder()
                                .message("bad")
                                .statusCode(400)
                                .build(),
                        Action.CREATE,
                        HandlerErrorCode.InvalidRequest,
                        "bad"),
                Arguments.of(
                        ConflictException.builder()
                                .message("exists")
                                .statusCode(409)
                                .build(),
                        Action.CREATE,
                        HandlerErrorCode.AlreadyExists,
                        "Community::ApiGatewayV2::IntegrationResponse with IntegrationResponseKey '/200/' already exists in integration 'int1234' of API 'a1b2c3d4e5' (exists)"),
                Arguments.of(
                        ConflictException.builder()
                                .message("exists")
                                .statusCode(409)
                                .build(),
                        Action.UPDATE,
                        HandlerErrorCode.ResourceConflict,
                        "Another response of integration 'int1234' of API 'a1b2c3d4e5' holds the"
                                + " IntegrationResponseKey '/200/', which must be unique in the integration (exists)"),
                Arguments.of(
                        ConflictException.builder()
                                .message("busy")
                                .statusCode(409)
                                .build(),
                        Action.DELETE,
                        HandlerErrorCode.ResourceConflict,
                        "busy"),
                Arguments.of(
                        TooManyRequestsException.builder()
                                .message("slow down")
                                .statusCode(429)
                                .build(),
                        Action.LIST,
                        HandlerErrorCode.Throttling,
                        "slow down"),
                Arguments.of(
                        AccessDeniedException.builder()
                                .message("no")
                                .statusCode(403)
                                .build(),
                        Action.READ,
                        HandlerErrorCode.AccessDenied,
                        "no"),
                Arguments.of(
                        HandlerTestSupport.serviceError("UnrecognizedClientException", "bad token", 403),
                        Action.READ,
                        HandlerErrorCode.AccessDenied,
                        "bad token"),
                Arguments.of(
                        HandlerTestSupport.serviceError("MissingAuthenticationTokenException", "none", 401),
                        Action.DELETE,
                        HandlerErrorCode.AccessDenied,
                        "none"),
                Arguments.of(
                        HandlerTestSupport.serviceError("InternalFailure", "oops", 500),
                        Action.UPDATE,
                        HandlerErrorCode.ServiceInternalError,
                        "oops"),
                Arguments.of(
                        HandlerTestSupport.serviceError("ServiceUnavailable", "later", 503),
                        Action.CREATE,
                        HandlerErrorCode.ServiceInternalError,
                        "later"),
                // a throttling code on a 5xx is throttling, as CallOutcome classifies it and the policy waits it out
                Arguments.of(
                        HandlerTestSupport.serviceError("ThrottlingException", "Rate exceeded", 503),
                        Action.CREATE,
                        HandlerErrorCode.Throttling,
                        "Rate exceeded"),
                Arguments.of(
                        HandlerTestSupport.serviceError("ThrottlingException", "Rate exceeded", 400),
                        Action.READ,
                        HandlerErrorCode.Throttling,
                        "Rate exceeded"),
                Arguments.of(
                        HandlerTestSupport.serviceError("SomethingNew", "odd", 418),
                        Action.READ,
                        HandlerErrorCode.GeneralServiceException,
                        "odd"),
                Arguments.of(
                        SdkClientException.create("Unable to execute HTTP request", new IOException("reset")),
                        Action.CREATE,
                        HandlerErrorCode.NetworkFailure,
                        "Unable to execute HTTP request"),
                Arguments.of(
                        new CfnNotStabilizedException(ResourceModel.TYPE_NAME, "res5678"),
                        Action.UPDATE,
                        HandlerErrorCode.NotStabilized,
                        "Resource of type 'Community::ApiGatewayV2::IntegrationResponse' with identifier 'res5678' did not stabilize."),
                Arguments.of(
                        new IllegalStateException("a bug"), Action.READ, HandlerErrorCode.InternalFailure, "a bug"));
    }

    @Test
    void aConflictOnUpdateNamesTheKeyOnlyWhenTheModelHasOne() {
        final ResourceModel withoutKey = ResourceModel.builder()
                .apiId("a1b2c3d4e5")
                .integrationId("int1234")
                .integrationResponseId("res5678")
                .build();
        final ProgressEvent<ResourceModel, CallbackContext> event = ExceptionTranslator.failure(
                ConflictException.builder().message("taken").statusCode(409).build(), withoutKey, Action.UPDATE);

        assertEquals(HandlerErrorCode.ResourceConflict, event.getErrorCode());
        assertEquals("taken", event.getMessage());
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}: {3}")
    @MethodSource("mappings")
    void eachFailureMapsToOneCodeAndNeverCarriesAModel(
            final Exception exception, final Action action, final HandlerErrorCode expected, final String message) {
        final ProgressEvent<ResourceModel, CallbackContext> event =
                ExceptionTranslator.failure(exception, HandlerTestSupport.fullModel(), action);

        assertEquals(OperationStatus.FAILED, event.getStatus());
        assertEquals(expected, event.getErrorCode());
        assertNull(event.getResourceModel());
        assertNull(event.getResourceModels());
        assertEquals(message, event.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void aBadRequestKeepsTheServicesMessage(final Action action) {
        final ProgressEvent<ResourceModel, CallbackContext> event = ExceptionTranslator.failure(
                BadRequestException.builder()
                        .awsErrorDetails(HandlerTestSupport.errorDetails("BadRequestException", "Invalid key", 400))
                        .statusCode(400)
                        .build(),
                HandlerTestSupport.fullModel(),
                action);
        assertEquals("Invalid key", event.getMessage());
    }
}
