package com.community.apigatewayv2.integrationresponse.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link LambdaLogger} writing to a stream, as the Lambda runtime writes to CloudWatch: each
 * message as given, no newline added. Writes are whole, so parallel invocations never interleave
 * within a message.
 */
public final class PrintStreamLambdaLogger implements LambdaLogger {

    private final PrintStream sink;

    public PrintStreamLambdaLogger(PrintStream sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void log(String message) {
        synchronized (sink) {
            sink.print(message);
            sink.flush();
        }
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
