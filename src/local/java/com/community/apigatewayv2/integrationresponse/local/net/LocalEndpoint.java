package com.community.apigatewayv2.integrationresponse.local.net;

import java.net.URI;

/**
 * What the local endpoints share: one {@link LoopbackServer} between start and close, its address,
 * and the account and region they answer as.
 */
public abstract class LocalEndpoint implements AutoCloseable {

    /** The account the local endpoints answer as: in ARNs, and where the service shows the caller's account. */
    public static final String ACCOUNT_ID = "123456789012";
    /** The region the local endpoints are in, and the one a local run uses unless told otherwise. */
    public static final String REGION = "us-east-1";

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
