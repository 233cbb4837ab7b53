package com.community.apigatewayv2.integrationresponse.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import software.amazon.cloudformation.loggers.LogPublisher;

/**
 * The function's own log (its Lambda log group), as the runtime's {@code LambdaLogPublisher} writes
 * it, one message a line (without the blank line it leaves after a message that ends with a line
 * separator already), less one kind of noise: the runtime's proxy logs "Failed to execute remote
 * function" for every failed call, so an invocation throttled for minutes wrote a line per 429. The
 * handler waits throttling out and its closing line counts the throttled calls
 * ({@code Handlers.outcome}), so those lines are left out; every other failure is still logged.
 */
final class FunctionLog extends LogPublisher {
    private static final String FAILED_CALL = "Failed to execute remote function: {";
    private static final String THROTTLED = "Status Code: 429,";

    private final LambdaLogger logger;

    FunctionLog(final LambdaLogger logger) {
        this.logger = logger;
    }

    @Override
    protected void publishMessage(final String message) {
        if (!isThrottledCall(message)) {
            // the runtime ends some messages with a line separator of its own: one is enough
            logger.log(message != null && message.endsWith("\n") ? message : String.format("%s%n", message));
        }
    }

    static boolean isThrottledCall(final String message) {
        return message != null && message.startsWith(FAILED_CALL) && message.contains(THROTTLED);
    }
}
