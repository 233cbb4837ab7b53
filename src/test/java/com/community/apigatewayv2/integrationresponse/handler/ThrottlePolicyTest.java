package com.community.apigatewayv2.integrationresponse.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.apigatewayv2.model.TooManyRequestsException;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** The throttling policy's figures, each written out: deadlines, backoff, callback delays, rounds. */
class ThrottlePolicyTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Duration PLENTY = Duration.ofSeconds(45);

    private static ThrottlePolicy policy(final double scale, final double random) {
        return new ThrottlePolicy(scale, () -> 1_000 * SECOND, duration -> {}, () -> random);
    }

    static TooManyRequestsException throttled(final int attempts) {
        return TooManyRequestsException.builder()
                .message("Too Many Requests")
                .awsErrorDetails(HandlerTestSupport.errorDetails("TooManyRequestsException", "Too Many Requests", 429))
                .statusCode(429)
                .numAttempts(attempts)
                .build();
    }

    @Test
    void mutatingActionsWaitFortyFiveSecondsAndStopCallingAtFiftySeven() {
        for (final Action action : new Action[] {Action.CREATE, Action.UPDATE, Action.DELETE}) {
            final ThrottlePolicy.Budget budget = policy(1.0, 0).budget(action);
            assertEquals(1_045 * SECOND, budget.waitUntil(), action.name());
            assertEquals(1_057 * SECOND, budget.hardStop(), action.name());
        }
    }

    @Test
    void readAndListWaitFifteenSecondsAndStopCallingAtTwentySeven() {
        for (final Action action : new Action[] {Action.READ, Action.LIST}) {
            final ThrottlePolicy.Budget budget = policy(1.0, 0).budget(action);
            assertEquals(1_015 * SECOND, budget.waitUntil(), action.name());
            assertEquals(1_027 * SECOND, budget.hardStop(), action.name());
        }
    }

    @Test
    void aTimeScaleShrinksTheDeadlinesAndTheBackoff() {
        final ThrottlePolicy tenth = policy(0.1, 0);
        assertEquals(1_004_500_000_000L, tenth.budget(Action.UPDATE).waitUntil());
        assertEquals(1_057 * SECOND, tenth.budget(Action.UPDATE).hardStop());
        assertEquals(1_001_500_000_000L, tenth.budget(Action.READ).waitUntil());
        assertEquals(Duration.ofMillis(10), tenth.backoff(1, Duration.ofMillis(4_500)));
        assertEquals(Duration.ofMillis(100), tenth.backoff(9, Duration.ofMillis(4_500)));
    }

    @Test
    void backoffDoublesFromTwoHundredMillisecondsToTwoSecondsAndDrawsFromTheUpperHalf() {
        assertEquals(Duration.ofMillis(100), policy(1.0, 0).backoff(1, PLENTY));
        assertEquals(Duration.ofMillis(200), policy(1.0, 0).backoff(2, PLENTY));
        assertEquals(Duration.ofMillis(400), policy(1.0, 0).backoff(3, PLENTY));
        assertEquals(Duration.ofMillis(800), policy(1.0, 0).backoff(4, PLENTY));
        assertEquals(Duration.ofMillis(1_000), policy(1.0, 0).backoff(5, PLENTY));
        assertEquals(Duration.ofMillis(1_000), policy(1.0, 0).backoff(1_000, PLENTY));
        assertEquals(Duration.ofMillis(150), policy(1.0, 0.5).backoff(1, PLENTY));
        assertEquals(
                Duration.ofMillis(1_999),
                policy(1.0, 0.9995).backoff(7, PLENTY).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void aCallerNearItsDeadlineAsksMoreOften() {
        assertEquals(Duration.ofMillis(250), policy(1.0, 0).backoff(9, Duration.ofSeconds(10)));
        assertEquals(Duration.ofMillis(100), policy(1.0, 0).backoff(9, Duration.ofSeconds(4)));
        assertEquals(Duration.ofMillis(50), policy(1.0, 0).backoff(9, Duration.ofSeconds(1)));
        assertEquals(Duration.ofMillis(50), policy(1.0, 0).backoff(9, Duration.ZERO));
        assertEquals(Duration.ofMillis(25), policy(0.1, 0).backoff(9, Duration.ofSeconds(1)));
    }

    @Test
    void callbackDelaysSpreadFromTwoToEightSeconds() {
        assertEquals(2, policy(1.0, 0).callbackDelaySeconds());
        assertEquals(5, policy(1.0, 0.5).callbackDelaySeconds());
        assertEquals(8, policy(1.0, 0.9999).callbackDelaySeconds());
        for (int i = 0; i < 1_000; i++) {
            final int delay = ThrottlePolicy.PRODUCTION.callbackDelaySeconds();
            assertTrue(delay >= 2 && delay <= 8, "delay " + delay);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Action.class,
            names = {"UPDATE", "DELETE"})
    void updateAndDeleteThrottledAtTheDeadlineAnswerInProgressAndCountTheRound(final Action action) {
        final ResourceModel model = HandlerTestSupport.fullModel();
        final CallbackContext context = new CallbackContext();
        context.setThrottledRounds(3);

        final ProgressEvent<ResourceModel, CallbackContext> event = policy(1.0, 0.5)
                .inProgress(throttled(1), action, model, context)
                .orElseThrow();

        final CallbackContext next = new CallbackContext();
        next.setThrottledRounds(4);
        assertEquals(ProgressEvent.defaultInProgressHandler(next, 5, model), event);
    }

    @Test
    void anAttemptWhoseOutcomeIsUnknownIsRememberedAcrossRounds() {
        final ThrottlePolicy policy = policy(1.0, 0);
        final CallbackContext first = policy.inProgress(
                        throttled(2), Action.DELETE, HandlerTestSupport.fullModel(), new CallbackContext())
                .orElseThrow()
                .getCallbackContext();
        assertTrue(first.isMayHaveApplied());
        final CallbackContext second = policy.inProgress(
                        throttled(1), Action.DELETE, HandlerTestSupport.fullModel(), first)
                .orElseThrow()
                .getCallbackContext();
        assertTrue(second.isMayHaveApplied());
        assertEquals(2, second.getThrottledRounds());
        assertFalse(
                policy.inProgress(throttled(1), Action.DELETE, HandlerTestSupport.fullModel(), new CallbackContext())
                        .orElseThrow()
                        .getCallbackContext()
                        .isMayHaveApplied());
    }

    @Test
    void theEighthRoundStillWaits() {
        final CallbackContext context = new CallbackContext();
        context.setThrottledRounds(7);

        final ProgressEvent<ResourceModel, CallbackContext> event = policy(1.0, 0)
                .inProgress(throttled(1), Action.UPDATE, HandlerTestSupport.fullModel(), context)
                .orElseThrow();

        assertEquals(OperationStatus.IN_PROGRESS, event.getStatus());
        assertEquals(8, event.getCallbackContext().getThrottledRounds());
    }

    @Test
    void theNinthRoundFailsThrottlingSayingWhy() {
        final CallbackContext context = new CallbackContext();
        context.setThrottledRounds(8);

        final ProgressEvent<ResourceModel, CallbackContext> event = policy(1.0, 0)
                .inProgress(throttled(1), Action.UPDATE, HandlerTestSupport.fullModel(), context)
                .orElseThrow();

        assertEquals(OperationStatus.FAILED, event.getStatus());
        assertEquals(HandlerErrorCode.Throttling, event.getErrorCode());
        assertEquals(
                "API Gateway kept throttling this UPDATE through 9 waits of up to 45 seconds each; the account's"
                        + " control-plane quota (10 requests per second) is in use by other work",
                event.getMessage());
    }

    @ParameterizedTest
    @EnumSource(
            value = Action.class,
            names = {"CREATE", "READ", "LIST"})
    void createReadAndListNeverAnswerInProgress(final Action action) {
        assertEquals(
                Optional.empty(),
                policy(1.0, 0).inProgress(throttled(1), action, HandlerTestSupport.fullModel(), new CallbackContext()));
    }

    @Test
    void otherFailuresAreNotTheThrottlePolicysToAnswer() {
        assertEquals(
                Optional.empty(),
                policy(1.0, 0)
                        .inProgress(
                                HandlerTestSupport.serviceError("InternalServerErrorException", "boom", 500),
                                Action.UPDATE,
                                HandlerTestSupport.fullModel(),
                                new CallbackContext()));
    }

    @Test
    void aTimeScaleOutsideZeroToOneIsRefusedNamingIt() {
        final IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> ThrottlePolicy.scaled(0));
        assertEquals("the time scale must be above 0 and at most 1, not 0.0", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ThrottlePolicy.scaled(1.5));
    }
}
