package com.community.apigatewayv2.integrationresponse.local.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A web page cannot drive a local endpoint: neither by DNS rebinding (another Host) nor directly (Origin). */
class LoopbackOnlyTest {
    private final AtomicInteger served = new AtomicInteger();
    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = CountingOkServer.start("loopback-only-test", served);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** The status line and body of one raw HTTP/1.1 request with these header lines. */
    private String request(final String... headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            final StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Content-Length: 2\r\nConnection: close\r\n\r\n{}");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            final InputStream in = socket.getInputStream();
            final String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, answer.indexOf("\r\n")) + " " + answer.substring(answer.indexOf("\r\n\r\n") + 4);
        }
    }

    @Test
    void requestsForThisEndpointAreServed() throws IOException {
        assertThat(request("Host: 127.0.0.1:" + server.port())).isEqualTo("HTTP/1.1 200 OK ok");
        assertThat(request("Host: localhost:" + server.port())).isEqualTo("HTTP/1.1 200 OK ok");
        assertThat(served).hasValue(2);
    }

    @Test
    void anotherHostIsRefusedBeforeTheEndpointSeesIt() throws IOException {
        assertThat(request("Host: rebound.example:" + server.port()))
                .isEqualTo(
                        "HTTP/1.1 403 Forbidden {\"message\":\"this endpoint answers requests for 127.0.0.1 only, not"
                                + " for the Host 'rebound.example:" + server.port() + "'\"}");
        assertThat(request("Host: 127.0.0.1:1")).startsWith("HTTP/1.1 403 Forbidden");
        assertThat(served).hasValue(0);
    }

    @Test
    void aRequestFromAWebPageIsRefused() throws IOException {
        assertThat(request("Host: 127.0.0.1:" + server.port(), "Origin: https://page.example"))
                .isEqualTo("HTTP/1.1 403 Forbidden {\"message\":\"this endpoint does not answer requests from web pages"
                        + " (Origin 'https://page.example')\"}");
        assertThat(served).hasValue(0);
    }
}
