package com.community.apigatewayv2.integrationresponse.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs each invocation on a handler instance no other invocation is using at that moment, as
 * Lambda runs each concurrent invocation in its own execution environment. Instances are reused
 * (warm starts) and a new one is made only when all are busy. The RPDK runtime keeps per-request
 * state in fields of the wrapper, so one instance must never serve two invocations at once.
 */
public final class ExecutionEnvironments implements RequestStreamHandler {

    private final Supplier<? extends RequestStreamHandler> factory;
    private final ConcurrentLinkedDeque<RequestStreamHandler> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger created = new AtomicInteger();

    public ExecutionEnvironments(Supplier<? extends RequestStreamHandler> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RequestStreamHandler handler = idle.pollFirst();
        if (handler == null) {
            handler = factory.get();
            created.incrementAndGet();
        }
        try {
            handler.handleRequest(input, output, context);
        } finally {
            idle.addFirst(handler);
        }
    }

    /** How many environments (handler instances) were made so far. */
    public int environmentsCreated() {
        return created.get();
    }
}
