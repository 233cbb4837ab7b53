package com.community.apigatewayv2.integrationresponse.local.stack;

import com.community.apigatewayv2.integrationresponse.handler.ActionRule;
import com.community.apigatewayv2.integrationresponse.handler.ThrottlePolicy;
import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.community.apigatewayv2.integrationresponse.local.net.TimeScale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.cloudformation.Action;

/**
 * CloudFormation's side of the handler protocol, the one copy the local tooling drives the handler
 * with: READ and LIST are one invocation; CREATE, UPDATE and DELETE are invoked again while they answer
 * IN_PROGRESS, with the event's callback context and model, after its {@code callbackDelaySeconds}
 * (times the time scale), at most {@link #MAX_INVOCATIONS} times. {@link #breaksOf} is the contract
 * every progress event must keep.
 *
 * <p>The Cloud Control endpoint runs below this package (it is started by {@link LocalDeployment}), so
 * it schedules its re-invocations itself, from the same parts: {@link LambdaInvoker#reinvocation},
 * {@link LambdaInvoker#callbackDelay} and a {@link TimeScale}.
 */
public final class CloudFormationDriver {
    /**
     * The most invocations one action takes: the handler answers IN_PROGRESS at most
     * {@link ThrottlePolicy#MAX_IN_PROGRESS_ROUNDS} times in a row and then finishes, so one more is its
     * final answer. An action still IN_PROGRESS after that broke the handler's own rule.
     */
    public static final int MAX_INVOCATIONS = ThrottlePolicy.MAX_IN_PROGRESS_ROUNDS + 1;

    /** CloudFormation's limit for one invocation of CREATE, UPDATE or DELETE (unscaled), from the handler's action table. */
    public static final Duration MUTATING_LIMIT = ActionRule.of(Action.CREATE).timeLimit();

    /** Waits out a callback delay, already scaled. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    /** One invocation of the TypeFunction with a request, and what came back. */
    @FunctionalInterface
    public interface Invocation<A> {
        A invoke(ObjectNode request) throws IOException, InterruptedException;
    }

    /** An action still IN_PROGRESS after {@link #MAX_INVOCATIONS} invocations. */
    public static final class NeverFinished extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NeverFinished(final String action) {
            super(action + " still IN_PROGRESS after " + MAX_INVOCATIONS + " invocations");
        }
    }

    private final TimeScale timeScale;
    private final Sleeper sleeper;

    /** Callback delays times {@code timeScale}, waited out on this thread. */
    public CloudFormationDriver(final TimeScale timeScale) {
        this(timeScale, delay -> TimeUnit.NANOSECONDS.sleep(delay.toNanos()));
    }

    /** As CloudFormation waits: callback delays in real time. */
    public CloudFormationDriver() {
        this(TimeScale.REAL_TIME);
    }

    CloudFormationDriver(final TimeScale timeScale, final Sleeper sleeper) {
        this.timeScale = timeScale;
        this.sleeper = sleeper;
    }

    public TimeScale timeScale() {
        return timeScale;
    }

    /**
     * READ and LIST answer in one invocation; CREATE, UPDATE and DELETE may answer IN_PROGRESS (the
     * action table's rule); an action CloudFormation does not have is driven as a mutating one.
     */
    public static boolean isSynchronous(final String action) {
        return Arrays.stream(Action.values())
                .anyMatch(known ->
                        known.name().equals(action) && ActionRule.of(known).synchronous());
    }

    /**
     * One action through the Lambda Invoke API, every progress event in order; an answer that is not
     * one is thrown as {@link LambdaInvoker.LambdaError}.
     */
    public List<JsonNode> run(final LambdaInvoker invoker, final ObjectNode request)
            throws IOException, InterruptedException {
        return run(request, next -> invoker.invoke(LambdaInvoker.TYPE_FUNCTION, next), event -> event);
    }

    /**
     * One action (the request's {@code action}) as CloudFormation carries it out: invoked once, and for
     * CREATE, UPDATE and DELETE again while the answer is IN_PROGRESS. Returns every answer in order; the
     * last is final, or one that {@code progressEvent} maps to null (no progress event: nothing to go on).
     *
     * @param progressEvent the progress event an answer holds, or null when it holds none
     * @throws NeverFinished when the {@link #MAX_INVOCATIONS}th answer is still IN_PROGRESS
     */
    public <A> List<A> run(
            final ObjectNode request, final Invocation<A> invocation, final Function<A, JsonNode> progressEvent)
            throws IOException, InterruptedException {
        final String action = request.path("action").asText();
        final List<A> answers = new ArrayList<>();
        ObjectNode next = request;
        for (; ; ) {
            final A answer = invocation.invoke(next);
            answers.add(answer);
            final JsonNode event = progressEvent.apply(answer);
            if (event == null || isSynchronous(action) || !isInProgress(event)) {
                return answers;
            }
            if (answers.size() == MAX_INVOCATIONS) {
                throw new NeverFinished(action);
            }
            next = LambdaInvoker.reinvocation(next, event);
            sleeper.sleep(timeScale.scaled(LambdaInvoker.callbackDelay(event)));
        }
    }

    public static boolean isInProgress(final JsonNode event) {
        return "IN_PROGRESS".equals(event.path("status").asText());
    }

    /**
     * The breaks of the resource contract one progress event of {@code action} shows: a SUCCESS model
     * without its identifier or read-only properties, a FAILED event with a model or without an error
     * code and message, IN_PROGRESS from READ or LIST, or a status the protocol does not have.
     */
    public static List<String> breaksOf(final String action, final JsonNode event) {
        final String status = event.path("status").asText();
        final List<String> breaks = new ArrayList<>();
        switch (status) {
            case "SUCCESS" -> {
                if (event.has("resourceModel")) {
                    breaks.addAll(ContractChecks.unidentified(action, event.get("resourceModel")));
                }
                event.path("resourceModels")
                        .forEach(model -> breaks.addAll(ContractChecks.unidentified(action, model)));
            }
            case "FAILED" -> {
                if (event.has("resourceModel") || event.has("resourceModels")) {
                    breaks.add(action + " FAILED with a model: " + event);
                }
                if (event.path("errorCode").asText("").isEmpty()
                        || event.path("message").asText("").isEmpty()) {
                    breaks.add(action + " FAILED without an error code and message: " + event);
                }
            }
            case "IN_PROGRESS" -> {
                if (isSynchronous(action)) {
                    breaks.add(action + " returned IN_PROGRESS");
                }
            }
            default -> breaks.add(action + " returned an event with status '" + status + "': " + event);
        }
        return breaks;
    }
}
