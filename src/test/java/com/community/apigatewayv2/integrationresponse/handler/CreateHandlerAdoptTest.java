package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.createResponse;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.fullModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.TooManyRequestsException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** A create whose outcome is unknown looks its key up before anything else. */
class CreateHandlerAdoptTest {
    private final ApiGatewayV2Client client = HandlerTestSupport.mockClient();
    private final CreateHandler handler = new CreateHandler();
    private final ResourceModel desired =
            fullModel().toBuilder().integrationResponseId(null).build();
    private final CreateIntegrationResponseRequest createRequest = CreateIntegrationResponseRequest.builder()
            .apiId("a1b2c3d4e5")
            .integrationId("int1234")
            .integrationResponseKey("/200/")
            .contentHandlingStrategy("CONVERT_TO_TEXT")
            .templateSelectionExpression("$request.body.action")
            .responseParameters(Map.of("method.response.header.X-Trace", "integration.response.header.X-Trace"))
            .responseTemplates(Map.of("application/json", "{\"ok\": true}", "text/plain", ""))
            .build();
    private final GetIntegrationResponsesRequest firstPage = HandlerTestSupport.listRequest(null);
    private final GetIntegrationResponsesRequest secondPage = HandlerTestSupport.listRequest("page-2");

    private ProgressEvent<ResourceModel, CallbackContext> create() {
        return handler.handleRequest(
                HandlerTestSupport.proxy(),
                request(desired),
                new CallbackContext(),
                HandlerTestSupport.proxyClient(client),
                HandlerTestSupport.logger());
    }

    private static SdkClientException reset() {
        return SdkClientException.create("Unable to execute HTTP request: The target server failed to respond");
    }

    private static GetIntegrationResponsesResponse page(final String nextToken, final ResourceModel... items) {
        return GetIntegrationResponsesResponse.builder()
                .items(Arrays.stream(items).map(HandlerTestSupport::listItem).toList())
                .nextToken(nextToken)
                .build();
    }

    private static ResourceModel other(final String id, final String key) {
        return fullModel().toBuilder()
                .integrationResponseId(id)
                .integrationResponseKey(key)
                .build();
    }

    @Test
    void adoptsTheResponseItMadeWhenTheAnswerWasLost() {
        when(client.createIntegrationResponse(eq(createRequest))).thenThrow(reset());
        when(client.getIntegrationResponses(eq(firstPage))).thenReturn(page("page-2", other("r1", "$default")));
        when(client.getIntegrationResponses(eq(secondPage))).thenReturn(page(null, fullModel()));

        assertEquals(ProgressEvent.defaultSuccessHandler(fullModel()), create());
        verify(client).createIntegrationResponse(createRequest);
        verify(client).getIntegrationResponses(firstPage);
        verify(client).getIntegrationResponses(secondPage);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    /** The listed response holds nothing for {@code {}} and {@code ""}: the adopted model shows them as given. */
    @Test
    void anAdoptedResponseShowsEmptyValuesAsGivenWithTheIdTheServiceAssigned() {
        final ResourceModel emptyValues = ResourceModel.builder()
                .apiId("a1b2c3d4e5")
                .integrationId("int1234")
                .integrationResponseKey("$default")
                .templateSelectionExpression("")
                .responseParameters(Map.of())
                .responseTemplates(Map.of())
                .build();
        final CreateIntegrationResponseRequest keyOnly = CreateIntegrationResponseRequest.builder()
                .apiId("a1b2c3d4e5")
                .integrationId("int1234")
                .integrationResponseKey("$default")
                .build();
        when(client.createIntegrationResponse(eq(keyOnly))).thenThrow(reset());
        when(client.getIntegrationResponses(eq(firstPage)))
                .thenReturn(page(
                        null,
                        other("r1", "/200/"),
                        ResourceModel.builder()
                                .integrationResponseId("made1")
                                .integrationResponseKey("$default")
                                .build()));

        assertEquals(
                ProgressEvent.defaultSuccessHandler(ResourceModel.builder()
                        .apiId("a1b2c3d4e5")
                        .integrationId("int1234")
                        .integrationResponseId("made1")
                        .integrationResponseKey("$default")
                        .templateSelectionExpression("")
                        .responseParameters(Map.of())
                        .responseTemplates(Map.of())
                        .build()),
                handler.handleRequest(
                        HandlerTestSupport.proxy(),
                        request(emptyValues),
                        new CallbackContext(),
                        HandlerTestSupport.proxyClient(client),
                        HandlerTestSupport.logger()));
        verify(client).createIntegrationResponse(keyOnly);
        verify(client).getIntegrationResponses(firstPage);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void createsOnceMoreWhenTheLookupFindsNothing() {
        when(client.createIntegrationResponse(eq(createRequest)))
                .thenThrow(HandlerTestSupport.serviceError("InternalServerErrorException", "boom", 500))
                .thenReturn(createResponse(fullModel()));
        when(client.getIntegrationResponses(eq(firstPage))).thenReturn(page(null, other("r1", "$default")));

        assertEquals(ProgressEvent.defaultSuccessHandler(fullModel()), create());
        verify(client, times(2)).createIntegrationResponse(createRequest);
        verify(client).getIntegrationResponses(firstPage);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void aConflictOnARetriedAttemptIsLookedUpAndAdoptedWhenItMatches() {
        when(client.createIntegrationResponse(eq(createRequest))).thenThrow(conflict(2));
        when(client.getIntegrationResponses(eq(firstPage))).thenReturn(page(null, fullModel()));

        assertEquals(ProgressEvent.defaultSuccessHandler(fullModel()), create());
        verify(client).createIntegrationResponse(createRequest);
        verify(client).getIntegrationResponses(firstPage);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void aResponseWithTheKeyButOtherValuesIsSomeoneElsesAndFailsAlreadyExists() {
        when(client.createIntegrationResponse(eq(createRequest))).thenThrow(conflict(3));
        final ResourceModel foreign = fullModel().toBuilder()
                .integrationResponseId("theirs")
                .responseTemplates(Map.of("application/json", "{}"))
                .contentHandlingStrategy(null)
                .build();
        when(client.getIntegrationResponses(eq(firstPage))).thenReturn(page(null, foreign));

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.AlreadyExists,
                        "Community::ApiGatewayV2::IntegrationResponse with IntegrationResponseKey '/200/' already exists in "
                                + "integration 'int1234' of API 'a1b2c3d4e5' (the integration response theirs holding this key has "
                                + "other values for ContentHandlingStrategy, ResponseTemplates, so it was not made by this request)"),
                create());
        verify(client).createIntegrationResponse(createRequest);
        verify(client).getIntegrationResponses(firstPage);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void whenEveryAttemptIsLostTheCreatesOwnFailureIsReported() {
        when(client.createIntegrationResponse(eq(createRequest))).thenThrow(ApiCallTimeoutException.create(12_000));
        when(client.getIntegrationResponses(eq(firstPage))).thenReturn(page(null));

        final ProgressEvent<ResourceModel, CallbackContext> event = create();

        assertEquals(HandlerErrorCode.NetworkFailure, event.getErrorCode());
        verify(client, times(2)).createIntegrationResponse(createRequest);
        verify(client, times(2)).getIntegrationResponses(firstPage);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void aFailedLookupReportsTheCreatesFailure() {
        when(client.createIntegrationResponse(eq(createRequest))).thenThrow(reset());
        when(client.getIntegrationResponses(eq(firstPage)))
                .thenThrow(HandlerTestSupport.serviceError("TooManyRequestsException", "slow down", 429));

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NetworkFailure,
                        "Unable to execute HTTP request: The target server failed to respond"),
                create());
        verify(client).createIntegrationResponse(createRequest);
        verify(client).getIntegrationResponses(firstPage);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    @Test
    void clearAnswersAreNotLookedUp() {
        when(client.createIntegrationResponse(eq(createRequest)))
                .thenThrow(
                        TooManyRequestsException.builder()
                                .message("Too Many Requests")
                                .statusCode(429)
                                .build(),
                        conflict(1));

        assertEquals(HandlerErrorCode.Throttling, create().getErrorCode());
        assertEquals(HandlerErrorCode.AlreadyExists, create().getErrorCode());
        verify(client, times(2)).createIntegrationResponse(createRequest);
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    private static ConflictException conflict(final int attempts) {
        return ConflictException.builder()
                .message("The resource already exists.")
                .awsErrorDetails(
                        HandlerTestSupport.errorDetails("ConflictException", "The resource already exists.", 409))
                .statusCode(409)
                .numAttempts(attempts)
                .build();
    }
}
