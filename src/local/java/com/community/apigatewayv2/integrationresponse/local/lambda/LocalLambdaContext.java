package com.community.apigatewayv2.integrationresponse.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.community.apigatewayv2.integrationresponse.local.net.LocalEndpoint;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The {@link Context} of one local invocation. The remaining time counts down from the moment the
 * context is created (the invocation's start), so a handler that budgets its work against
 * {@link #getRemainingTimeInMillis()} behaves as it would in Lambda.
 */
public final class LocalLambdaContext implements Context {

    private final String awsRequestId;
    private final String functionName;
    private final long deadlineNanos;
    private final int memoryLimitInMb;
    private final LambdaLogger logger;
    /** The monotonic clock, in nanoseconds, the remaining time is counted on. */
    private final LongSupplier nanoTime;

    /** The context of the invocation {@code awsRequestId}, whose remaining time counts down on the real clock. */
    public LocalLambdaContext(
            String awsRequestId, String functionName, Duration timeout, int memoryLimitInMb, LambdaLogger logger) {
        this(awsRequestId, functionName, timeout, memoryLimitInMb, logger, System::nanoTime);
    }

    /** @param nanoTime the clock the remaining time counts down on ({@link System#nanoTime()} but in tests) */
    LocalLambdaContext(
            String awsRequestId,
            String functionName,
            Duration timeout,
            int memoryLimitInMb,
            LambdaLogger logger,
            LongSupplier nanoTime) {
        this.awsRequestId = Objects.requireNonNull(awsRequestId, "awsRequestId");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.deadlineNanos = nanoTime.getAsLong() + timeout.toNanos();
        this.memoryLimitInMb = memoryLimitInMb;
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    static String functionArn(String functionName) {
        return "arn:aws:lambda:" + LocalEndpoint.REGION + ":" + LocalEndpoint.ACCOUNT_ID + ":function:" + functionName;
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + awsRequestId.replace("-", "");
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn(functionName);
    }

    /** Local invocations carry no Cognito identity. */
    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    /** Local invocations carry no mobile client context. */
    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = Duration.ofNanos(deadlineNanos - nanoTime.getAsLong()).toMillis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
