package com.erp.routes.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/** A real WebSocket client (java.net.http) that collects the text messages it receives. */
public final class WebSocketTestClient implements AutoCloseable {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private WebSocketTestClient(WebSocket.Builder builder, URI uri) {
        this.socket = builder.connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).join();
    }

    /** Connects with the token in the Authorization header. */
    public static WebSocketTestClient withHeader(int port, String path, String token) {
        return new WebSocketTestClient(HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token), URI.create("ws://127.0.0.1:" + port + path));
    }

    /**
     * Connects as a page does: the token as the subprotocol after {@code erp.bearer}, and the login cookie (the
     * browser's, maybe of another person's sign-in) in {@code cookie} ("name=value").
     */
    public static WebSocketTestClient asPage(int port, String path, String token, String cookie) {
        return new WebSocketTestClient(HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("erp.bearer", token).header("Cookie", cookie)
                .header("Origin", "http://127.0.0.1:" + port), URI.create("ws://127.0.0.1:" + port + path));
    }

    /** The subprotocol the server chose ("" for none). */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message, or null after the timeout. */
    public JsonNode next(Duration timeout) {
        try {
            String text = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return text == null ? null : HttpTestClient.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for {@code count} messages (fails if they do not all come within the timeout). */
    public List<JsonNode> await(int count, Duration timeout) {
        List<JsonNode> messages = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count) {
            long left = deadline - System.nanoTime();
            JsonNode next = left > 0 ? next(Duration.ofNanos(left)) : null;
            if (next == null) {
                throw new AssertionError("received " + messages.size() + " of " + count + " messages: " + messages);
            }
            messages.add(next);
        }
        return messages;
    }

    public boolean isOpen() {
        return !socket.isInputClosed();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
