package com.community.apigatewayv2.integrationresponse.handler;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * How the handler lives with API Gateway's control-plane quota: 10 requests per second per account
 * and Region, burst 40, shared by every caller in the account and not increasable. The one place
 * that says what throttling is, how long an invocation waits it out, and what it answers when the
 * wait runs out.
 *
 * <ul>
 *   <li>The SDK retries everything transient except throttling, within the bounded budget of
 *       {@link ClientBuilder} (3 attempts, 3 s each, 12 s per call).
 *   <li>Throttling is waited out around each call ({@link PacedProxyClient}), with jittered
 *       exponential backoff ({@link #backoff}), until the invocation's wait deadline: 45 s into a
 *       CREATE, UPDATE or DELETE (which must answer within 60 s), 15 s into a READ or LIST (30 s).
 *       No call runs past the hard stop, 3 s before the contract's limit.
 *   <li>Still throttled at the deadline, UPDATE and DELETE answer IN_PROGRESS with a callback delay
 *       of {@value #MIN_CALLBACK_DELAY_SECONDS} to {@value #MAX_CALLBACK_DELAY_SECONDS} seconds, at most
 *       {@value #MAX_IN_PROGRESS_ROUNDS} times in a row; CREATE (which has no identifier to report
 *       yet), READ and LIST (which must answer at once) and a round past the limit fail {@code Throttling}.
 * </ul>
 *
 * <p>The waits run on the clock and sleeper this policy is built with, scaled by one factor, so the
 * local tooling can shrink them; production uses {@link #PRODUCTION}. Callback delays go to
 * CloudFormation unscaled: whoever re-invokes applies its own scale. The clients' timeouts shrink
 * too, down to a floor ({@link HandlerConfig#of}); the hard stop that cuts them is never scaled.
 */
public final class ThrottlePolicy {
    /** What is left after the wait deadline: room for one more call's whole budget and the answer. */
    static final Duration AFTER_WAIT = Duration.ofSeconds(15);
    /** What is left after the hard stop, for the answer to reach CloudFormation. */
    static final Duration AFTER_HARD_STOP = Duration.ofSeconds(3);

    static final Duration BACKOFF_BASE = Duration.ofMillis(200);
    /** Low enough that a waiting caller asks again within 2 s, so the account's quota is not left idle. */
    static final Duration BACKOFF_CAP = Duration.ofSeconds(2);
    /** The backoff ceiling is at most the time left before the deadline divided by this. */
    static final int URGENCY = 20;

    static final Duration BACKOFF_FLOOR = Duration.ofMillis(100);

    static final int MIN_CALLBACK_DELAY_SECONDS = 2;
    static final int MAX_CALLBACK_DELAY_SECONDS = 8;
    /** How many invocations in a row may answer IN_PROGRESS; a callback context never carries more. */
    public static final int MAX_IN_PROGRESS_ROUNDS = 8;

    /** Real time, real sleeps. */
    public static final ThrottlePolicy PRODUCTION = new ThrottlePolicy(
            1.0,
            System::nanoTime,
            ThrottlePolicy::sleep,
            () -> ThreadLocalRandom.current().nextDouble());

    /** Sleeps for a time; interruption ends the wait early. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration);
    }

    private final double scale;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * @param scale multiplies every wait (deadlines and backoff); 1 in production
     * @param nanoClock a monotonic clock in nanoseconds
     * @param sleeper how the policy sleeps
     * @param random uniform numbers in [0, 1) for the jitter
     */
    ThrottlePolicy(
            final double scale, final LongSupplier nanoClock, final Sleeper sleeper, final DoubleSupplier random) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("the time scale must be above 0 and at most 1, not " + scale);
        }
        this.scale = scale;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Real time and sleeps, every wait multiplied by {@code scale}: for local runs that must end sooner. */
    public static ThrottlePolicy scaled(final double scale) {
        return new ThrottlePolicy(
                scale,
                System::nanoTime,
                ThrottlePolicy::sleep,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    public double scale() {
        return scale;
    }

    /** The times of one invocation of {@code action}, from now. */
    Budget budget(final Action action) {
        final Duration limit = ActionRule.of(action).timeLimit();
        final long now = nanoClock.getAsLong();
        // the hard stop is CloudFormation's limit and is never scaled (the clients' timeouts, scaled,
        // keep a floor a loaded machine's calls stay under: see ClientBuilder)
        return new Budget(
                now + scaled(limit.minus(AFTER_WAIT)),
                now + limit.minus(AFTER_HARD_STOP).toNanos());
    }

    /**
     * The wait before the next call after {@code throttledCalls} throttled ones (from 1), with
     * {@code timeLeft} (scaled) before the wait deadline: a uniform draw from the upper half of
     * min(cap, base * 2^(n-1), timeLeft / 20), at least {@link #BACKOFF_FLOOR}. Callers spread out
     * and none waits long while the quota may be free; a caller near its deadline asks more often
     * than one that has just begun, so under contention the longest waiters are served first
     * rather than by chance (a CREATE cannot answer IN_PROGRESS and fails at its deadline).
     */
    Duration backoff(final int throttledCalls, final Duration timeLeft) {
        final long unscaledLeft = (long) (timeLeft.toNanos() / scale);
        final long ceiling = Math.max(
                BACKOFF_FLOOR.toNanos(),
                Math.min(
                        Math.min(BACKOFF_CAP.toNanos(), unscaledLeft / URGENCY),
                        BACKOFF_BASE.toNanos() << Math.min(throttledCalls - 1, 20)));
        final long nanos = ceiling / 2 + (long) (random.getAsDouble() * (ceiling / 2));
        return Duration.ofNanos(scaled(Duration.ofNanos(nanos)));
    }

    /** The callback delay of an IN_PROGRESS answer, in unscaled seconds, jittered so re-invocations spread out. */
    int callbackDelaySeconds() {
        return MIN_CALLBACK_DELAY_SECONDS
                + (int) (random.getAsDouble() * (MAX_CALLBACK_DELAY_SECONDS - MIN_CALLBACK_DELAY_SECONDS + 1));
    }

    /**
     * The answer to a call still throttled at the wait deadline, when it is not FAILED
     * {@code Throttling}: IN_PROGRESS for UPDATE and DELETE, with a fresh callback context that
     * counts the round and remembers whether an attempt may have taken effect. Empty for the other
     * actions, for other failures, and past the last round.
     */
    Optional<ProgressEvent<ResourceModel, CallbackContext>> inProgress(
            final Exception failure, final Action action, final ResourceModel model, final CallbackContext context) {
        if (CallOutcome.of(failure) != CallOutcome.THROTTLED
                || !ActionRule.of(action).mayAnswerInProgress()) {
            return Optional.empty();
        }
        final int rounds = context.getThrottledRounds() + 1;
        if (rounds > MAX_IN_PROGRESS_ROUNDS) {
            return Optional.of(ExceptionTranslator.failure(
                    HandlerErrorCode.Throttling,
                    String.format(
                            "API Gateway kept throttling this %s through %d waits of up to %d seconds each;"
                                    + " the account's control-plane quota (10 requests per second) is in use"
                                    + " by other work",
                            action,
                            rounds,
                            ActionRule.MUTATING_LIMIT.minus(AFTER_WAIT).toSeconds())));
        }
        final CallbackContext next = new CallbackContext();
        next.setThrottledRounds(rounds);
        next.setMayHaveApplied(context.isMayHaveApplied() || CallOutcome.mayHaveApplied(failure));
        return Optional.of(ProgressEvent.defaultInProgressHandler(next, callbackDelaySeconds(), model));
    }

    long now() {
        return nanoClock.getAsLong();
    }

    void sleepFor(final Duration duration) {
        sleeper.sleep(duration);
    }

    private long scaled(final Duration duration) {
        return (long) (duration.toNanos() * scale);
    }

    private static void sleep(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One invocation's deadlines, in the policy's clock: throttling is waited out until {@code waitUntil}; no call runs past {@code hardStop}. */
    record Budget(long waitUntil, long hardStop) {}
}
