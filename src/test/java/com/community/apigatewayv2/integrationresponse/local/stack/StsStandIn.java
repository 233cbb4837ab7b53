package com.community.apigatewayv2.integrationresponse.local.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * STS on 127.0.0.1, as much of it as GetSessionToken needs: every request is recorded and answered
 * with the same temporary credentials, in STS's XML.
 */
public final class StsStandIn implements AutoCloseable {
    public static final String TEMPORARY_ACCESS_KEY = "ASIATEMPORARYLOCAL01";
    public static final String TEMPORARY_SECRET = "temporary-secret-from-sts";
    public static final String TEMPORARY_SESSION_TOKEN = "temporary-session-token-from-sts";

    /** What one request carried: its Authorization header and its form body. */
    public record Request(String authorization, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public StsStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new Request(
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            final byte[] answer = ("<GetSessionTokenResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                            + "<GetSessionTokenResult><Credentials>"
                            + "<AccessKeyId>" + TEMPORARY_ACCESS_KEY + "</AccessKeyId>"
                            + "<SecretAccessKey>" + TEMPORARY_SECRET + "</SecretAccessKey>"
                            + "<SessionToken>" + TEMPORARY_SESSION_TOKEN + "</SessionToken>"
                            + "<Expiration>2030-01-01T00:00:00Z</Expiration>"
                            + "</Credentials></GetSessionTokenResult>"
                            + "<ResponseMetadata><RequestId>sts-stand-in</RequestId></ResponseMetadata>"
                            + "</GetSessionTokenResponse>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
