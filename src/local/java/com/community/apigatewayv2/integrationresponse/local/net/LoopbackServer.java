package com.community.apigatewayv2.integrationresponse.local.net;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A running JDK HTTP server of the local endpoints: loopback only (bound to 127.0.0.1, and answering
 * only requests addressed to it: {@link LoopbackOnly}), no Nagle delay, and stopped together with the
 * threads that serve it.
 */
public final class LoopbackServer {

    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final String MAX_IDLE_PROPERTY = "sun.net.httpserver.maxIdleConnections";
    private static final String MAX_REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";
    private static final String MAX_RESPONSE_TIME_PROPERTY = "sun.net.httpserver.maxRspTime";
    /**
     * Seconds a request may take to arrive, headers and body: on loopback a client sends it at once,
     * so one still arriving after this is stalled (or hostile), and its connection is closed.
     */
    static final long MAX_REQUEST_SECONDS = 30;
    /**
     * Seconds from a whole request to the end of its answer: past Lambda's longest function timeout
     * (900 s, which {@code LocalLambdaEndpoint} also enforces), so only a client that stops reading
     * its answer meets it.
     */
    static final long MAX_RESPONSE_SECONDS = 960;
    /**
     * Threads beyond an endpoint's own that a request still arriving may hold: with a fixed pool, a
     * few dozen connections that never finish their request stopped every other client until they
     * closed; now each holds a spare thread, for {@link #MAX_REQUEST_SECONDS} at most.
     */
    static final int SPARE_THREADS = 512;

    private static final int BACKLOG = 256;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK and every request costs about 40 ms. The server reads
        // this property once, when its first instance is created, so set it before that.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        // Past 200 idle keep-alive connections (its default) the server closes each one it finishes
        // with, and a client that runs hundreds of Lambda environments in this JVM, each keeping its
        // connection, meets them closed: NoHttpResponseException, as many times as it retries.
        if (System.getProperty(MAX_IDLE_PROPERTY) == null) {
            System.setProperty(MAX_IDLE_PROPERTY, "2000");
        }
        // Without limits, the JDK server waits for a request's missing bytes, and for a client to
        // read its answer, forever.
        if (System.getProperty(MAX_REQUEST_TIME_PROPERTY) == null) {
            System.setProperty(MAX_REQUEST_TIME_PROPERTY, String.valueOf(MAX_REQUEST_SECONDS));
        }
        if (System.getProperty(MAX_RESPONSE_TIME_PROPERTY) == null) {
            System.setProperty(MAX_RESPONSE_TIME_PROPERTY, String.valueOf(MAX_RESPONSE_SECONDS));
        }
    }

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final List<ExecutorService> otherThreads;

    private LoopbackServer(HttpServer server, ExecutorService requestThreads, List<ExecutorService> otherThreads) {
        this.server = server;
        this.requestThreads = requestThreads;
        this.otherThreads = otherThreads;
    }

    /**
     * Binds 127.0.0.1 (port 0: any free one) and serves every path with {@code handler}, on
     * {@code threads} threads named {@code name} and up to {@link #SPARE_THREADS} more while requests
     * are slow to arrive; {@code otherThreads} are pools the handler uses, shut down on close.
     */
    public static LoopbackServer start(
            int port, String name, int threads, HttpHandler handler, ExecutorService... otherThreads)
            throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        } catch (java.net.BindException e) {
            // the JDK says only "Address already in use": say which
            throw new java.net.BindException("port " + port + " on 127.0.0.1 is already in use");
        }
        // beyond all of them the server closes the new connection, which a client retries
        ExecutorService requestThreads = new ThreadPoolExecutor(
                threads,
                threads + SPARE_THREADS,
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                new DaemonThreads(name));
        server.setExecutor(requestThreads);
        server.createContext("/", new LoopbackOnly(handler, server.getAddress().getPort()));
        server.start();
        return new LoopbackServer(server, requestThreads, List.of(otherThreads));
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** e.g. {@code http://127.0.0.1:3001} */
    String url() {
        return "http://127.0.0.1:" + port();
    }

    URI uri() {
        return URI.create(url());
    }

    /** Stops at once: requests in flight are cut off, their threads interrupted, rather than waited for. */
    void stop() {
        server.stop(0);
        otherThreads.forEach(ExecutorService::shutdownNow);
        requestThreads.shutdownNow();
        try {
            requestThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
