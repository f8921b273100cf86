package com.erp.routes.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.security.TokenIssuer;
import com.erp.routes.testing.NoServers;
import com.erp.routes.testing.TestPeople;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Where {@code erp.websocket.query-token} allows it (a page of another origin with no sign-in cookie), a handshake
 * may carry its token in the URL; off by default (NotifyRouteTest: 401).
 */
@CamelSpringBootTest
@SpringBootTest(classes = WebsocketJsr356ComponentTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                NoServers.EXCLUDE_AUTO_CONFIGURATION,
                "erp.websocket.query-token=true"
        })
class WebSocketQueryTokenTest {

    @LocalServerPort
    int port;
    @Autowired
    TokenIssuer tokens;

    @Test
    void theHandshakeTakesTheTokenInItsUrlWhereAllowed() throws Exception {
        String token = TestPeople.token(tokens, new Person(7, "user 7", "STAFF", "D"));
        CompletableFuture<String> echo = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + port + "/ws/echo?access_token=" + token), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        echo.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            socket.sendText("\"hello\"", true).join();
            assertThat(echo.get(Duration.ofSeconds(10).toSeconds(), TimeUnit.SECONDS)).contains("\"from\":\"7\"");
        } finally {
            socket.abort();
        }
    }
}
