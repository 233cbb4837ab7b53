package com.community.apigatewayv2.integrationresponse.local.net;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the local endpoints for reading requests and writing answers. */
public final class HttpExchanges {

    private HttpExchanges() {}

    /** Thrown when a request body is larger than the endpoint accepts. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long limit) {
            super("request body exceeds " + limit + " bytes");
        }
    }

    /**
     * Reads the whole body, refusing to buffer more than {@code limit} bytes. An oversized body is
     * still consumed (and discarded) so the client, still sending, reads the error instead of a reset.
     */
    public static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit);
            if (in.read() != -1) {
                in.transferTo(OutputStream.nullOutputStream());
                throw new BodyTooLargeException(limit);
            }
            return body;
        }
    }

    /** Percent-decoded, non-empty path segments of the request path. */
    public static List<String> pathSegments(HttpExchange exchange) {
        String rawPath = exchange.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                // keep '+' literal: in a path it is not an encoded space
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return Collections.unmodifiableList(segments);
    }

    /** Query parameters, first value wins. */
    public static Map<String, String> queryParameters(HttpExchange exchange) {
        return formParameters(exchange.getRequestURI().getRawQuery());
    }

    /** Parameters of a query string or an {@code application/x-www-form-urlencoded} body, first value wins. */
    public static Map<String, String> formParameters(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    public static void sendJson(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.getResponseBody().close();
    }
}
