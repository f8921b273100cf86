package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.erp.routes.common.security.TokenIssuer;
import com.erp.routes.testing.NoServers;
import com.erp.routes.testing.TestPeople;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The server holds at most {@code erp.http.max-connections} connections (three here): with that many open, a further
 * client's request is not read until one of them closes, while the open ones are still served. Without the bound an
 * open-model load that outruns a service piles up connections, each with its buffers, until the heap is full.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HttpConnectionLimitTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"erp.http.max-connections=3", NoServers.EXCLUDE_AUTO_CONFIGURATION})
class HttpConnectionLimitTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder pingRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/api/ping").routeId("ping").setBody(constant("{\"pong\":true}"));
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TokenIssuer tokens;

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    @Test
    void aConnectionBeyondTheLimitWaitsUntilOneCloses() throws Exception {
        String token = TestPeople.token(tokens, TestPeople.DRAFTER);
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket s = open();
            assertThat(exchange(s, token)).as("connection %d is served", i).startsWith("HTTP/1.1 200").contains("pong");
            held.add(s);
        }

        // accepted by the system's backlog, but the server does not take it while three are open
        Socket fourth = open();
        send(fourth, token);
        fourth.setSoTimeout(1_500);
        assertThatThrownBy(() -> readResponse(fourth)).isInstanceOf(SocketTimeoutException.class);

        // the open ones are still served (keep-alive)
        assertThat(exchange(held.get(1), token)).startsWith("HTTP/1.1 200");

        held.get(0).close();
        fourth.setSoTimeout(10_000);
        assertThat(readResponse(fourth)).as("served once a connection closed").startsWith("HTTP/1.1 200").contains("pong");
    }

    private Socket open() throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(10_000);
        return s;
    }

    private static String exchange(Socket s, String token) throws IOException {
        send(s, token);
        return readResponse(s);
    }

    private static void send(Socket s, String token) throws IOException {
        String request = "GET /api/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nAccept: application/json\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    /** One response: its head, then as many body bytes as Content-Length says, or the chunks up to the last. */
    private static String readResponse(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!out.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + out);
            }
            out.write(b);
        }
        String head = out.toString(StandardCharsets.ISO_8859_1);
        String lower = head.toLowerCase();
        int at = lower.indexOf("content-length:");
        if (at >= 0) {
            int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
            out.write(in.readNBytes(length));
        } else {
            while (!out.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed after " + out);
                }
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
