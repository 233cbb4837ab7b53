package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

/**
 * Where a finished resource request's time went, for the benchmark: from the moment its HTTP request
 * arrived to the moment it was final, and the part of it spent in Lambda invocations of the handler
 * (UpdateResource's READ of the current state included).
 *
 * @param elapsedNanos arrival to final status
 * @param invocationNanos inside the Lambda Invoke calls
 * @param invocations how many calls
 */
public record RequestTiming(long elapsedNanos, long invocationNanos, int invocations) {
    /** What the local Cloud Control API itself added: bookkeeping, scheduling, callback handling. */
    public long overheadNanos() {
        return elapsedNanos - invocationNanos;
    }
}
