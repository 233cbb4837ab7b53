package com.community.apigatewayv2.integrationresponse.local.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Serves only requests addressed to this loopback endpoint: a {@code Host} that names another host
 * (a DNS-rebinding page's) or any {@code Origin} (a web page's request) gets 403 and never reaches the
 * endpoint. The AWS CLI, the SDKs, Terraform and the cfn CLI send neither.
 */
final class LoopbackOnly implements HttpHandler {
    private final HttpHandler endpoint;
    private final Set<String> hosts;

    LoopbackOnly(final HttpHandler endpoint, final int port) {
        this.endpoint = endpoint;
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    @Override
    public void handle(final HttpExchange exchange) throws IOException {
        final String host = exchange.getRequestHeaders().getFirst("Host");
        final String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (host != null && !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            refuse(exchange, "this endpoint answers requests for 127.0.0.1 only, not for the Host '" + host + "'");
        } else if (origin != null) {
            refuse(exchange, "this endpoint does not answer requests from web pages (Origin '" + origin + "')");
        } else {
            endpoint.handle(exchange);
        }
    }

    private static void refuse(final HttpExchange exchange, final String why) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            final byte[] body = ("{\"message\":\"" + why.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(403, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
