package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.ThrottlePolicyTest.throttled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteIntegrationResponseResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseRequest;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Whole invocations under throttling, through {@link Handlers} with a clock that moves only when
 * the policy sleeps: how long each action waits, what it answers at its deadline, and how UPDATE
 * and DELETE go on when CloudFormation invokes them again with the callback context they returned.
 */
class ThrottledInvocationTest {
    private static final long START = 5_000_000_000_000L;

    private final ApiGatewayV2Client client = HandlerTestSupport.mockClient();
    private final AtomicLong clock = new AtomicLong(START);
    private final List<Duration> sleeps = new ArrayList<>();
    private final ThrottlePolicy policy = new ThrottlePolicy(
            1.0,
            clock::get,
            duration -> {
                sleeps.add(duration);
                clock.addAndGet(duration.toNanos());
            },
            () -> 0.5);
    private final Handlers handlers = new Handlers(new HandlerConfig(region -> client, policy));

    private ProgressEvent<ResourceModel, CallbackContext> invoke(
            final Action action,
            final ResourceModel desired,
            final ResourceModel previous,
            final CallbackContext context) {
        return handlers.invoke(
                HandlerTestSupport.proxy(),
                HandlerTestSupport.request(desired, previous),
                action,
                context,
                HandlerTestSupport.logger());
    }

    private Duration waited() {
        return Duration.ofNanos(clock.get() - START);
    }

    @Test
    void aThrottledReadIsWaitedOutAndSucceeds() {
        final ResourceModel model = HandlerTestSupport.fullModel();
        when(client.getIntegrationResponse(any(GetIntegrationResponseRequest.class)))
                .thenThrow(throttled(1), throttled(1), throttled(1))
                .thenReturn(HandlerTestSupport.getResponse(model));

        assertEquals(ProgressEvent.defaultSuccessHandler(model), invoke(Action.READ, model, null, null));
        // the third is below 600 ms: 14.55 s before the deadline, the ceiling is 14.55 s / 20
        assertEquals(List.of(Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofNanos(545_625_000)), sleeps);
    }

    @Test
    void theInvocationLogsOneLineWithItsOutcomeItsTimeAndItsThrottledCalls() {
        final ResourceModel model = HandlerTestSupport.fullModel();
        when(client.getIntegrationResponse(any(GetIntegrationResponseRequest.class)))
                .thenThrow(throttled(1), throttled(1), throttled(1))
                .thenReturn(HandlerTestSupport.getResponse(model));
        final ResourceHandlerRequest<ResourceModel> request = HandlerTestSupport.request(model, null);
        request.setLogicalResourceIdentifier("MyResponse");
        final List<String> logged = new ArrayList<>();

        handlers.invoke(HandlerTestSupport.proxy(), request, Action.READ, null, logged::add);

        // the waits of the test above: 150 ms, 300 ms and 545.625 ms
        assertEquals(List.of("READ MyResponse: SUCCESS after 995 ms, 4 service calls, 3 throttled"), logged);
    }

    @Test
    void anUpdateAtItsWaitDeadlineLogsWhenItWillBeInvokedAgain() {
        when(client.updateIntegrationResponse(any(UpdateIntegrationResponseRequest.class)))
                .thenThrow(throttled(1));
        final List<String> logged = new ArrayList<>();

        final ProgressEvent<ResourceModel, CallbackContext> event = handlers.invoke(
                HandlerTestSupport.proxy(),
                HandlerTestSupport.request(HandlerTestSupport.fullModel(), HandlerTestSupport.fullModel()),
                Action.UPDATE,
                null,
                logged::add);

        assertEquals(OperationStatus.IN_PROGRESS, event.getStatus());
        assertThat(logged)
                .singleElement()
                .asString()
                .matches("UPDATE \\(no logical id\\): IN_PROGRESS \\(again in " + event.getCallbackDelaySeconds()
                        + " s\\) after \\d+ ms, (\\d+) service calls, \\1 throttled");
    }

    @Test
    void aReadThrottledThroughoutFailsThrottlingWithinFifteenSeconds() {
        when(client.getIntegrationResponse(any(GetIntegrationResponseRequest.class)))
                .thenThrow(throttled(1));

        final ProgressEvent<ResourceModel, CallbackContext> event =
                invoke(Action.READ, HandlerTestSupport.fullModel(), null, null);

        assertEquals(ProgressEvent.failed(null, null, HandlerErrorCode.Throttling, "Too Many Requests"), event);
        assertTrue(waited().compareTo(Duration.ofSeconds(15)) <= 0, "waited " + waited());
        assertTrue(waited().compareTo(Duration.ofSeconds(14)) > 0, "gave up early, after " + waited());
    }

    @Test
    void aCreateThrottledThroughoutFailsThrottlingWithinFortyFiveSeconds() {
        when(client.createIntegrationResponse(any(CreateIntegrationResponseRequest.class)))
                .thenThrow(throttled(1));

        final ProgressEvent<ResourceModel, CallbackContext> event = invoke(
                Action.CREATE,
                HandlerTestSupport.fullModel().toBuilder()
                        .integrationResponseId(null)
                        .build(),
                null,
                null);

        assertEquals(HandlerErrorCode.Throttling, event.getErrorCode());
        assertTrue(waited().compareTo(Duration.ofSeconds(45)) <= 0, "waited " + waited());
        assertTrue(waited().compareTo(Duration.ofSeconds(44)) > 0, "gave up early, after " + waited());
        verify(client, never()).getIntegrationResponses(any(GetIntegrationResponsesRequest.class));
    }

    @Test
    void otherFailuresKeepTheSdksBudgetAndAreNotWaitedOut() {
        when(client.getIntegrationResponse(any(GetIntegrationResponseRequest.class)))
                .thenThrow(HandlerTestSupport.serviceError("InternalServerErrorException", "boom", 500));

        final ProgressEvent<ResourceModel, CallbackContext> event =
                invoke(Action.READ, HandlerTestSupport.fullModel(), null, null);

        assertEquals(ProgressEvent.failed(null, null, HandlerErrorCode.ServiceInternalError, "boom"), event);
        assertEquals(List.of(), sleeps);
        verify(client, times(1)).getIntegrationResponse(any(GetIntegrationResponseRequest.class));
    }

    @Test
    void anUpdateThrottledAtItsDeadlineAnswersInProgressWithItsModel() {
        final ResourceModel desired = HandlerTestSupport.fullModel();
        when(client.updateIntegrationResponse(any(UpdateIntegrationResponseRequest.class)))
                .thenThrow(throttled(1));

        final ProgressEvent<ResourceModel, CallbackContext> event =
                invoke(Action.UPDATE, desired, HandlerTestSupport.minimalModel(), null);

        final CallbackContext context = new CallbackContext();
        context.setThrottledRounds(1);
        assertEquals(ProgressEvent.defaultInProgressHandler(context, 5, desired), event);
        assertTrue(waited().compareTo(Duration.ofSeconds(45)) <= 0, "waited " + waited());
    }

    @Test
    void anUpdateInvokedAgainReachesAndProvesTheDesiredState() {
        final ResourceModel desired = HandlerTestSupport.fullModel();
        final ResourceModel previous = HandlerTestSupport.minimalModel();
        when(client.updateIntegrationResponse(any(UpdateIntegrationResponseRequest.class)))
                .thenReturn(HandlerTestSupport.updateResponse(desired));
        when(client.getIntegrationResponse(any(GetIntegrationResponseRequest.class)))
                .thenThrow(throttled(1))
                .thenReturn(HandlerTestSupport.getResponse(desired));
        final CallbackContext context = new CallbackContext();
        context.setThrottledRounds(3);

        assertEquals(ProgressEvent.defaultSuccessHandler(desired), invoke(Action.UPDATE, desired, previous, context));
        verify(client)
                .updateIntegrationResponse(argThat((UpdateIntegrationResponseRequest request) -> Map.of(
                                "application/json", "{\"ok\": true}", "text/plain", "")
                        .equals(request.responseTemplates())));
        verify(client, times(2)).getIntegrationResponse(any(GetIntegrationResponseRequest.class));
    }

    @Test
    void anUpdateStillThrottledInItsLastRoundFailsThrottling() {
        when(client.updateIntegrationResponse(any(UpdateIntegrationResponseRequest.class)))
                .thenThrow(throttled(1));
        final CallbackContext context = new CallbackContext();
        context.setThrottledRounds(8);

        final ProgressEvent<ResourceModel, CallbackContext> event =
                invoke(Action.UPDATE, HandlerTestSupport.fullModel(), HandlerTestSupport.minimalModel(), context);

        assertEquals(OperationStatus.FAILED, event.getStatus());
        assertEquals(HandlerErrorCode.Throttling, event.getErrorCode());
    }

    @Test
    void aDeleteWhoseFirstAttemptMayHaveTakenEffectRemembersItWhenItAnswersInProgress() {
        when(client.deleteIntegrationResponse(any(DeleteIntegrationResponseRequest.class)))
                .thenThrow(throttled(2))
                .thenThrow(throttled(1));

        final ProgressEvent<ResourceModel, CallbackContext> event =
                invoke(Action.DELETE, HandlerTestSupport.fullModel(), null, null);

        assertEquals(OperationStatus.IN_PROGRESS, event.getStatus());
        assertTrue(event.getCallbackContext().isMayHaveApplied());
        assertEquals(1, event.getCallbackContext().getThrottledRounds());
    }

    @Test
    void aDeleteInvokedAgainAfterItsDeleteWentThroughSucceeds() {
        when(client.deleteIntegrationResponse(any(DeleteIntegrationResponseRequest.class)))
                .thenThrow(HandlerTestSupport.notFound("Invalid Integration Response identifier specified"));
        final CallbackContext context = new CallbackContext();
        context.setThrottledRounds(1);
        context.setMayHaveApplied(true);

        assertEquals(
                ProgressEvent.builder().status(OperationStatus.SUCCESS).build(),
                invoke(Action.DELETE, HandlerTestSupport.fullModel(), null, context));
    }

    @Test
    void aDeleteInvokedAgainWhoseAttemptsWereAllRefusedStillReportsNotFound() {
        when(client.deleteIntegrationResponse(any(DeleteIntegrationResponseRequest.class)))
                .thenThrow(HandlerTestSupport.notFound("Invalid Integration Response identifier specified"));
        final CallbackContext context = new CallbackContext();
        context.setThrottledRounds(1);

        assertEquals(
                HandlerErrorCode.NotFound,
                invoke(Action.DELETE, HandlerTestSupport.fullModel(), null, context)
                        .getErrorCode());
    }

    @Test
    void aDeleteInvokedAgainGoesOnDeleting() {
        when(client.deleteIntegrationResponse(any(DeleteIntegrationResponseRequest.class)))
                .thenReturn(DeleteIntegrationResponseResponse.builder().build());
        final CallbackContext context = new CallbackContext();
        context.setThrottledRounds(2);

        assertEquals(
                ProgressEvent.builder().status(OperationStatus.SUCCESS).build(),
                invoke(Action.DELETE, HandlerTestSupport.fullModel(), null, context));
        verify(client)
                .deleteIntegrationResponse(argThat((DeleteIntegrationResponseRequest request) ->
                        HandlerTestSupport.RESPONSE_ID.equals(request.integrationResponseId())));
    }

    @Test
    void aConflictAfterAThrottledCallWhoseEarlierAttemptWasLostAdoptsTheResponseItMade() {
        final ResourceModel desired = HandlerTestSupport.fullModel().toBuilder()
                .integrationResponseId(null)
                .build();
        final ResourceModel made = HandlerTestSupport.fullModel().toBuilder()
                .integrationResponseId("made1")
                .build();
        when(client.createIntegrationResponse(any(CreateIntegrationResponseRequest.class)))
                .thenThrow(throttled(2))
                .thenThrow(ConflictException.builder()
                        .message("The resource already exists.")
                        .awsErrorDetails(HandlerTestSupport.errorDetails(
                                "ConflictException", "The resource already exists.", 409))
                        .statusCode(409)
                        .numAttempts(1)
                        .build());
        when(client.getIntegrationResponses(any(GetIntegrationResponsesRequest.class)))
                .thenReturn(GetIntegrationResponsesResponse.builder()
                        .items(HandlerTestSupport.listItem(made))
                        .build());

        final ProgressEvent<ResourceModel, CallbackContext> event = invoke(Action.CREATE, desired, null, null);

        assertEquals(OperationStatus.SUCCESS, event.getStatus());
        assertEquals("made1", event.getResourceModel().getIntegrationResponseId());
    }

    @Test
    void aCallStartedNearTheHardStopGetsOnlyTheTimeLeft() {
        final ResourceModel desired = HandlerTestSupport.fullModel();
        when(client.updateIntegrationResponse(any(UpdateIntegrationResponseRequest.class)))
                .thenAnswer(call -> {
                    // a PATCH that took 50 s to answer, as a struggling service's might
                    clock.addAndGet(Duration.ofSeconds(50).toNanos());
                    return HandlerTestSupport.updateResponse(desired);
                });
        final List<Duration> readBudgets = new ArrayList<>();
        when(client.getIntegrationResponse(any(GetIntegrationResponseRequest.class)))
                .thenAnswer(call -> {
                    final GetIntegrationResponseRequest request = call.getArgument(0);
                    readBudgets.add(request.overrideConfiguration()
                            .orElseThrow()
                            .apiCallTimeout()
                            .orElseThrow());
                    return HandlerTestSupport.getResponse(desired);
                });

        assertEquals(
                ProgressEvent.defaultSuccessHandler(desired),
                invoke(Action.UPDATE, desired, HandlerTestSupport.minimalModel(), null));
        assertEquals(List.of(Duration.ofSeconds(7)), readBudgets);
    }
}
