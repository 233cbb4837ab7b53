package com.community.apigatewayv2.integrationresponse.handler;

import java.time.Duration;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * The proxy client of one invocation, keeping its {@link ThrottlePolicy}: a throttled call is made
 * again after a backoff until the wait deadline, and no call runs past the hard stop (its time
 * budget is cut to what is left). Every handler's every call goes through here, so none of them
 * needs to know about throttling until the deadline has passed.
 */
final class PacedProxyClient implements ProxyClient<ApiGatewayV2Client> {
    private final ProxyClient<ApiGatewayV2Client> delegate;
    private final ThrottlePolicy policy;
    private final ThrottlePolicy.Budget budget;
    /** Calls made through here, each throttled attempt counted; read for the invocation's log line. */
    private int calls;

    private int throttledAnswers;

    PacedProxyClient(
            final ProxyClient<ApiGatewayV2Client> delegate,
            final ThrottlePolicy policy,
            final ThrottlePolicy.Budget budget) {
        this.delegate = delegate;
        this.policy = policy;
        this.budget = budget;
    }

    /**
     * Throws the last failure: one that is not throttling, or throttling at the wait deadline. Its
     * attempt count then includes the earlier attempts whose outcome was unknown (the SDK retried
     * them), so a later 409 on a create still reads as possibly our own.
     */
    @Override
    public <RequestT extends AwsRequest, ResponseT extends AwsResponse> ResponseT injectCredentialsAndInvokeV2(
            final RequestT request, final Function<RequestT, ResponseT> requestFunction) {
        int unknownOutcomes = 0;
        for (int throttled = 1; ; throttled++) {
            calls++;
            try {
                return delegate.injectCredentialsAndInvokeV2(
                        request, withCredentials -> requestFunction.apply(withinHardStop(withCredentials)));
            } catch (final SdkException failure) {
                final long now = policy.now();
                final Duration backoff = policy.backoff(throttled, Duration.ofNanos(budget.waitUntil() - now));
                final boolean throttledNow = CallOutcome.of(failure) == CallOutcome.THROTTLED;
                if (throttledNow) {
                    throttledAnswers++;
                }
                if (!throttledNow || now + backoff.toNanos() > budget.waitUntil()) {
                    throw unknownOutcomes == 0 ? failure : withEarlierAttempts(failure, unknownOutcomes);
                }
                if (failure.numAttempts() != null) {
                    unknownOutcomes += failure.numAttempts() - 1;
                }
                policy.sleepFor(backoff);
            }
        }
    }

    /** The calls made so far, a throttled one counted at each attempt. */
    int calls() {
        return calls;
    }

    /** How many of those calls were answered with throttling. */
    int throttledAnswers() {
        return throttledAnswers;
    }

    ThrottlePolicy policy() {
        return policy;
    }

    /**
     * The invocation's proxy client as {@link Handlers} made it: every handler's calls are paced, so
     * one that is not fails here rather than running under a policy nobody chose.
     */
    static PacedProxyClient of(final ProxyClient<?> client) {
        if (client instanceof PacedProxyClient paced) {
            return paced;
        }
        throw new IllegalStateException(
                "a handler's calls go through Handlers.invoke, which paces them; this proxy client is a "
                        + (client == null ? "null" : client.getClass().getName()));
    }

    @Override
    public ApiGatewayV2Client client() {
        return delegate.client();
    }

    /** The request, with its call budget cut to the time left before the hard stop when that is shorter. */
    @SuppressWarnings("unchecked")
    private <RequestT extends AwsRequest> RequestT withinHardStop(final RequestT request) {
        final Duration left = Duration.ofNanos(Math.max(budget.hardStop() - policy.now(), 1_000_000));
        if (left.compareTo(ClientBuilder.scaled(ClientBuilder.CALL_TIMEOUT, policy.scale())) >= 0) {
            return request;
        }
        final Duration attemptTimeout = ClientBuilder.scaled(ClientBuilder.ATTEMPT_TIMEOUT, policy.scale());
        final AwsRequestOverrideConfiguration configuration = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder)
                .orElseGet(AwsRequestOverrideConfiguration::builder)
                .apiCallTimeout(left)
                .apiCallAttemptTimeout(left.compareTo(attemptTimeout) < 0 ? left : attemptTimeout)
                .build();
        return (RequestT)
                request.toBuilder().overrideConfiguration(configuration).build();
    }

    private static SdkException withEarlierAttempts(final SdkException failure, final int earlierAttempts) {
        final int own = failure.numAttempts() == null ? 1 : failure.numAttempts();
        return failure.toBuilder().numAttempts(own + earlierAttempts).build();
    }
}
