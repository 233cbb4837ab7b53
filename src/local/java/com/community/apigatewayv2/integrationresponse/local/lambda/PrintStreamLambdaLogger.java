package com.community.apigatewayv2.integrationresponse.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A {@link LambdaLogger} writing to a stream, as the Lambda runtime writes to CloudWatch: each
 * message as given, no newline added. Writes are whole, so parallel invocations never interleave
 * within a message. A message logged while an invocation runs on this thread ({@link #during})
 * starts with the time and that invocation's request id, as CloudWatch shows each event of a log
 * stream, so the lines of invocations served at once can be told apart. As in Lambda, there is one
 * logger for all invocations: a handler may keep the one its first context gave it. {@link #line}
 * writes the runtime's own START, END and REPORT lines.
 */
public final class PrintStreamLambdaLogger implements LambdaLogger {

    private final PrintStream sink;
    /** The request id of the invocation running on each thread, while it runs. */
    private final ThreadLocal<String> requestId = new ThreadLocal<>();

    public PrintStreamLambdaLogger(PrintStream sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Runs {@code invocation} on this thread with its messages tagged with {@code id}. */
    <T> T during(String id, Callable<T> invocation) throws Exception {
        requestId.set(Objects.requireNonNull(id, "id"));
        try {
            return invocation.call();
        } finally {
            requestId.remove();
        }
    }

    @Override
    public void log(String message) {
        synchronized (sink) {
            String id = requestId.get();
            if (id != null) {
                sink.print(Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\t" + id + "\t");
            }
            sink.print(message);
            sink.flush();
        }
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    /** One line of the runtime's own, e.g. {@code START RequestId: ... Version: $LATEST}. */
    void line(String text) {
        synchronized (sink) {
            sink.println(text);
            sink.flush();
        }
    }
}
