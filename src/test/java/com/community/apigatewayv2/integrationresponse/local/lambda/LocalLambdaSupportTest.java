package com.community.apigatewayv2.integrationresponse.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pieces around the Lambda endpoint: context, logger, tmpdir guard, handler loading. */
class LocalLambdaSupportTest {

    @Test
    void remainingTimeCountsDownFromCreation() {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        LocalLambdaContext context = new LocalLambdaContext(
                "req-1",
                "Fn",
                Duration.ofMillis(400),
                256,
                new PrintStreamLambdaLogger(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                now::get);

        assertEquals(400, context.getRemainingTimeInMillis(), "starts at the timeout");
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertEquals(300, context.getRemainingTimeInMillis(), "counts down");
        now.addAndGet(Duration.ofMillis(299).toNanos() + 1);
        assertEquals(0, context.getRemainingTimeInMillis(), "less than a millisecond left");
        now.addAndGet(Duration.ofMillis(350).toNanos());
        assertEquals(0, context.getRemainingTimeInMillis(), "never negative");
        assertEquals("$LATEST", context.getFunctionVersion());
        assertEquals("/aws/lambda/Fn", context.getLogGroupName());
        assertNull(context.getIdentity());
        assertNull(context.getClientContext());
    }

    /** The public constructor counts on the real monotonic clock, from the timeout down. */
    @Test
    void theRealClockCountsDownFromTheTimeout() {
        LocalLambdaContext context = new LocalLambdaContext(
                "req-2",
                "Fn",
                Duration.ofDays(1),
                256,
                new PrintStreamLambdaLogger(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

        int remaining = context.getRemainingTimeInMillis();
        assertTrue(remaining <= Duration.ofDays(1).toMillis() && remaining > 0, "within the timeout: " + remaining);
    }

    @Test
    void loggerWritesMessagesAsGiven() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStreamLambdaLogger logger =
                new PrintStreamLambdaLogger(new PrintStream(sink, true, StandardCharsets.UTF_8));
        logger.log("one\n");
        logger.log("two".getBytes(StandardCharsets.UTF_8));
        assertEquals("one\ntwo", sink.toString(StandardCharsets.UTF_8));
    }

    /** Loaded by name in the tests below, as the command line would. */
    public static final class FakeWrapper implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
            out.write("handleRequest".getBytes(StandardCharsets.UTF_8));
        }

        public void testEntrypoint(InputStream in, OutputStream out, Context context) throws IOException {
            out.write("testEntrypoint".getBytes(StandardCharsets.UTF_8));
        }

        public void failing(InputStream in, OutputStream out, Context context) throws IOException {
            throw new IOException("failing on purpose");
        }
    }

    private static String run(RequestStreamHandler handler) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(new byte[0]), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void handlersLoadByClassOrByMethod() throws Exception {
        String className = FakeWrapper.class.getName();
        assertInstanceOf(FakeWrapper.class, ReflectiveHandlers.load(className));
        assertEquals("handleRequest", run(ReflectiveHandlers.load(className)));
        assertEquals("testEntrypoint", run(ReflectiveHandlers.load(className + "::testEntrypoint")));
        IOException thrown =
                assertThrows(IOException.class, () -> run(ReflectiveHandlers.load(className + "::failing")));
        assertEquals("failing on purpose", thrown.getMessage(), "the method's own exception, unwrapped");
    }

    @Test
    void handlerSpecsThatCannotWorkFailAtLoad() {
        assertThrows(ClassNotFoundException.class, () -> ReflectiveHandlers.load("com.example.Missing"));
        assertThrows(
                NoSuchMethodException.class, () -> ReflectiveHandlers.load(FakeWrapper.class.getName() + "::missing"));
        assertThrows(IllegalArgumentException.class, () -> ReflectiveHandlers.load(String.class.getName()));
    }
}
