package com.community.apigatewayv2.integrationresponse.local;

import java.net.URI;

/** What the local endpoints share: one {@link LoopbackServer} between start and close, and its address. */
abstract class LocalEndpoint implements AutoCloseable {

    private LoopbackServer server;

    /** Fails when already started, so a second start never leaks the first server. */
    protected final synchronized void requireStopped() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
    }

    protected final synchronized void serving(LoopbackServer started) {
        requireStopped();
        server = started;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:3001}. */
    public String url() {
        return running().url();
    }

    public URI uri() {
        return running().uri();
    }

    public int port() {
        return running().port();
    }

    private synchronized LoopbackServer running() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server;
    }

    /** Stops at once: requests in flight are cut off and their threads interrupted. Idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
