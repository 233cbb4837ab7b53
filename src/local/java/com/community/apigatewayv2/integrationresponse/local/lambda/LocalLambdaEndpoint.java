package com.community.apigatewayv2.integrationresponse.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.community.apigatewayv2.integrationresponse.local.net.DaemonThreads;
import com.community.apigatewayv2.integrationresponse.local.net.LocalEndpoint;
import com.community.apigatewayv2.integrationresponse.local.net.LoopbackServer;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Lambda Invoke API on 127.0.0.1, as {@code sam local start-lambda} serves it, for any set of
 * {@link RequestStreamHandler}s by function name: what {@code cfn test} calls (by default
 * {@code TypeFunction} at {@code http://127.0.0.1:3001}). Each invocation runs on a worker thread
 * with a fresh {@link LocalLambdaContext} and a deadline; a handler that throws or overruns it
 * is answered with a function error, never a hang.
 *
 * <p><b>A private {@code java.io.tmpdir}.</b> The RPDK runtime
 * ({@code AbstractWrapper.processRequest}) empties {@code java.io.tmpdir} on every request (the
 * handler allows it only inside Lambda). {@link #main} therefore gives its JVM a new, empty one
 * ({@link PrivateTmpDir#claim()}); an embedding program running the RPDK handler here should too.
 */
public final class LocalLambdaEndpoint extends LocalEndpoint {

    public static final int DEFAULT_PORT = 3001;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MEMORY_LIMIT_MB = 256;
    public static final int DEFAULT_MAX_CONCURRENCY = 32;
    /** Lambda's longest function timeout. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);

    private final int requestedPort;
    private final Map<String, RequestStreamHandler> functions;
    private final Duration timeout;
    private final int memoryLimitInMb;
    private final PrintStream logSink;
    private final int maxConcurrency;
    private final Map<String, LongAdder> invocationCounts = new ConcurrentHashMap<>();

    /** An endpoint with the default timeout, memory limit, log sink (System.err) and concurrency. */
    public LocalLambdaEndpoint(int port, Map<String, RequestStreamHandler> functions) {
        this(builder().port(port).functions(functions));
    }

    private LocalLambdaEndpoint(Builder builder) {
        this.requestedPort = builder.port;
        this.functions = Map.copyOf(builder.functions);
        this.timeout = builder.timeout;
        this.memoryLimitInMb = builder.memoryLimitInMb;
        this.logSink = builder.logSink;
        this.maxConcurrency = builder.maxConcurrency;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings for an endpoint; every one has a default. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private final Map<String, RequestStreamHandler> functions = new LinkedHashMap<>();
        private Duration timeout = DEFAULT_TIMEOUT;
        private int memoryLimitInMb = DEFAULT_MEMORY_LIMIT_MB;
        private PrintStream logSink = System.err;
        private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;

        private Builder() {}

        /** 0 for any free port; default {@value LocalLambdaEndpoint#DEFAULT_PORT}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.port = port;
            return this;
        }

        public Builder function(String name, RequestStreamHandler handler) {
            functions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        public Builder functions(Map<String, RequestStreamHandler> handlers) {
            handlers.forEach(this::function);
            return this;
        }

        /** How long an invocation may run, as the function's configured timeout; default 60 s. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            if (timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("timeout must be at most " + MAX_TIMEOUT.toSeconds()
                        + " seconds, Lambda's limit, not " + timeout.toSeconds());
            }
            this.timeout = timeout;
            return this;
        }

        public Builder memoryLimitInMb(int memoryLimitInMb) {
            this.memoryLimitInMb = memoryLimitInMb;
            return this;
        }

        /** Where the context's {@code LambdaLogger} writes; default System.err. */
        public Builder logSink(PrintStream logSink) {
            this.logSink = Objects.requireNonNull(logSink, "logSink");
            return this;
        }

        /** Invocations running at once; beyond it, 429 TooManyRequestsException as Lambda throttles. */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1");
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public LocalLambdaEndpoint build() {
            return new LocalLambdaEndpoint(this);
        }
    }

    /** Binds and starts serving; returns this for chaining. */
    public synchronized LocalLambdaEndpoint start() throws IOException {
        requireStopped();
        // the handler's permits bound the invocations running, never the pool: a worker that has just
        // answered may not be idle yet, and one whose invocation timed out may not have stopped (Lambda
        // would have ended its environment), so the next invocation gets a thread of its own
        ExecutorService workerThreads = new ThreadPoolExecutor(
                0,
                Integer.MAX_VALUE,
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                new DaemonThreads("local-lambda-worker"));
        serving(LoopbackServer.start(
                requestedPort,
                // request threads only wait on workers; a few spare ones let throttled calls be answered
                "local-lambda-http",
                maxConcurrency + 4,
                new LambdaInvokeHandler(
                        functions,
                        workerThreads,
                        maxConcurrency,
                        timeout,
                        memoryLimitInMb,
                        new PrintStreamLambdaLogger(logSink),
                        this::count),
                workerThreads));
        return this;
    }

    /** How many times the function's handler was started (errors and timeouts included). */
    public long invocationCount(String functionName) {
        LongAdder count = invocationCounts.get(functionName);
        return count == null ? 0 : count.sum();
    }

    /** All non-zero counts, by function name. */
    public Map<String, Long> invocationCounts() {
        Map<String, Long> counts = new TreeMap<>();
        invocationCounts.forEach((name, count) -> {
            long sum = count.sum();
            if (sum > 0) {
                counts.put(name, sum);
            }
        });
        return counts;
    }

    public void resetCounts() {
        invocationCounts.values().forEach(LongAdder::reset);
    }

    private void count(String functionName) {
        invocationCounts.computeIfAbsent(functionName, name -> new LongAdder()).increment();
    }

    /**
     * {@code [--port N] [--timeout-seconds S] --function Name=com.example.Handler[::method] ...}
     * A bare class must be a {@link RequestStreamHandler}; {@code ::method} names a public
     * {@code (InputStream, OutputStream, Context)} method instead, e.g. {@code testEntrypoint}.
     * The handler runs with a new {@code java.io.tmpdir} of its own (see the class comment).
     */
    public static void main(String[] args) throws Exception {
        PrivateTmpDir.claim();
        Builder builder = builder();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                usage();
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--timeout-seconds" -> builder.timeout(Duration.ofSeconds(Long.parseLong(value)));
                case "--function" -> {
                    int equals = value.indexOf('=');
                    if (equals < 1) {
                        usage();
                    }
                    builder.function(value.substring(0, equals), ReflectiveHandlers.load(value.substring(equals + 1)));
                }
                default -> usage();
            }
        }
        LocalLambdaEndpoint endpoint = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            endpoint.close();
                            stopped.countDown();
                        },
                        "local-lambda-shutdown"));
        System.out.println("LocalLambdaEndpoint listening on " + endpoint.url() + " for "
                + String.join(", ", endpoint.functions.keySet()));
        stopped.await();
    }

    private static void usage() {
        System.err.println("usage: LocalLambdaEndpoint [--port N] [--timeout-seconds S]"
                + " --function Name=fully.qualified.Class[::method] ...");
        System.exit(2);
    }
}
