package com.community.apigatewayv2.integrationresponse.local.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partial requests no longer stop a local endpoint: connections that send headers without the blank
 * line, or declare a body they never send, each hold a spare thread for a bounded time, and every
 * other client is answered meanwhile.
 */
class LoopbackServerTest {
    /** More stalled connections than the endpoint has threads of its own, as in the security review (36). */
    private static final int STALLED = 40;

    private final AtomicInteger served = new AtomicInteger();
    private final List<Socket> stalled = new ArrayList<>();
    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = CountingOkServer.start("loopback-server-test", served);
    }

    @AfterEach
    void stop() throws IOException {
        for (final Socket socket : stalled) {
            socket.close();
        }
        server.stop();
    }

    private Socket stall(final String partialRequest) throws IOException {
        final Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        stalled.add(socket);
        socket.getOutputStream().write(partialRequest.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    @Test
    void stalledRequestsDoNotStopOtherClients() throws Exception {
        final String host = "Host: 127.0.0.1:" + server.port() + "\r\n";
        for (int i = 0; i < STALLED; i++) {
            stall(
                    i % 2 == 0
                            ? "POST / HTTP/1.1\r\n" + host + "Content-Length: 10\r\n" // no blank line
                            : "POST / HTTP/1.1\r\n" + host + "Content-Length: 10\r\n\r\n{\""); // 2 of 10 bytes
        }
        // the stalled ones hold threads only once the server has read them: give it their first bytes
        Thread.sleep(200);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            // with the old fixed pool this read waited for the stalled connections to close
            socket.setSoTimeout(20_000);
            socket.getOutputStream()
                    .write(("POST / HTTP/1.1\r\n" + host + "Content-Length: 2\r\nConnection: close\r\n\r\n{}")
                            .getBytes(StandardCharsets.UTF_8));
            final InputStream in = socket.getInputStream();
            final String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200 OK").endsWith("\r\n\r\nok");
        }
        assertThat(served).hasValue(1);
    }

    @Test
    void theServerBoundsHowLongARequestMayTakeToArriveAndItsAnswerToBeRead() {
        // read by the JDK server when its first instance is made (seconds)
        assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isEqualTo("30");
        assertThat(System.getProperty("sun.net.httpserver.maxRspTime")).isEqualTo("960");
    }
}
