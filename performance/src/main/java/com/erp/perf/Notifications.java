package com.erp.perf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** A real WebSocket client of /ws/notifications for one user, handing each notification to a callback. */
final class Notifications implements AutoCloseable {

    private final WebSocket socket;

    Notifications(String notificationBase, String token, Consumer<JsonNode> onNotification) {
        URI uri = URI.create(notificationBase.replaceFirst("^http", "ws") + "/ws/notifications");
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token)
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                onNotification.accept(Http.JSON.readTree(partial.toString()));
                            } catch (Exception e) {
                                // a message we cannot read is not a measurement
                            }
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).join();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
