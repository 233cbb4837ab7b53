package com.community.apigatewayv2.integrationresponse.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/** Creates the JDK HTTP servers the local endpoints run on: loopback only, no Nagle delay. */
final class LoopbackServers {

    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final int BACKLOG = 256;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK and every request costs about 40 ms. The server reads
        // this property once, when its first instance is created, so set it before that.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private LoopbackServers() {
    }

    /** A server bound to 127.0.0.1 (port 0: any free one), not yet started. */
    static HttpServer bind(int port, Executor executor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        server.setExecutor(executor);
        return server;
    }
}
