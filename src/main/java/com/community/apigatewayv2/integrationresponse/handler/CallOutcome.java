package com.community.apigatewayv2.integrationresponse.handler;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * What a failed attempt of a call says about its request, decided here and nowhere else: the SDK
 * retries exactly the {@link #UNKNOWN} ones ({@link ClientBuilder}), {@link PacedProxyClient} waits
 * out the {@link #THROTTLED} ones, and create, delete and the callback context ask
 * {@link #mayHaveApplied} whether this call, or an attempt of it before, may have taken effect.
 */
enum CallOutcome {
    /** The service answered that it did not apply the request (4xx). */
    NOT_APPLIED,
    /** No answer (a reset, a timeout) or a 5xx: the request may or may not have been applied. */
    UNKNOWN,
    /** Throttled (a 429 or a throttling error code, whatever its status): nothing was applied. */
    THROTTLED;

    static CallOutcome of(final Throwable failure) {
        if (failure instanceof SdkServiceException serviceException) {
            if (serviceException.isThrottlingException()) {
                return THROTTLED;
            }
            return serviceException.statusCode() >= 500 ? UNKNOWN : NOT_APPLIED;
        }
        return failure instanceof SdkClientException ? UNKNOWN : NOT_APPLIED;
    }

    /**
     * Whether the call that ended in {@code failure} may have taken effect: its last attempt's outcome
     * is unknown, or an attempt before it was. Every attempt before the last was one whose outcome
     * was unknown, since those are the only ones retried: the SDK's within a call, and the ones
     * {@link PacedProxyClient} adds to the count of a call it made again after throttling.
     */
    static boolean mayHaveApplied(final Throwable failure) {
        return of(failure) == UNKNOWN
                || failure instanceof SdkException sdkFailure
                        && sdkFailure.numAttempts() != null
                        && sdkFailure.numAttempts() > 1;
    }
}
