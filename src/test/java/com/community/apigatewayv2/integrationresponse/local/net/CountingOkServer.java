package com.community.apigatewayv2.integrationresponse.local.net;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback server for tests of the server itself: it reads each request, counts it, and answers 200 "ok". */
final class CountingOkServer {
    private CountingOkServer() {}

    /** Starts one on a free port, with two threads of its own named {@code name}, counting into {@code served}. */
    static LoopbackServer start(final String name, final AtomicInteger served) throws IOException {
        return LoopbackServer.start(0, name, 2, exchange -> {
            exchange.getRequestBody().readAllBytes();
            served.incrementAndGet();
            final byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
