package com.erp.routes.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.security.TokenIssuer;
import com.erp.routes.testing.NoServers;
import com.erp.routes.testing.RawWebSocketClient;
import com.erp.routes.testing.TestPeople;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The project's Camel 4 websocket-jsr356 component on the application's own Tomcat, with real WebSocket
 * clients: consuming, sending to one user's sessions or to all, concurrent sends, and route restarts.
 */
@CamelSpringBootTest
@SpringBootTest(classes = WebsocketJsr356ComponentTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                NoServers.EXCLUDE_AUTO_CONFIGURATION
        })
class WebsocketJsr356ComponentTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder websocketRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    // echo to the sender's sessions, prefixed with who sent it
                    from("websocket-jsr356:/ws/echo").routeId("echo")
                            .setBody(simple("{\"from\":\"${header.CamelWebsocketJsr356User}\",\"text\":${body}}"))
                            .to("websocket-jsr356:/ws/echo");
                    from("direct:to-user").to("websocket-jsr356:/ws/push");
                    from("direct:to-all").to("websocket-jsr356:/ws/push?sendToAll=true");
                    // the large messages below by the count alone: room for 200 of them in bytes
                    from("direct:to-user-roomy").to("websocket-jsr356:/ws/push?sendQueueMaxBytes=100000000");
                    from("direct:to-user-short-queue")
                            .to("websocket-jsr356:/ws/push?sendQueueLimit=16&sendQueueMaxBytes=100000000");
                    // room for three of the large messages below (128 KiB each in memory)
                    from("direct:to-user-small-queue").to("websocket-jsr356:/ws/push?sendQueueMaxBytes=400000");
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TokenIssuer tokens;
    @Autowired
    com.erp.routes.common.security.JwtKeys keys;
    @Autowired
    com.erp.routes.common.security.AuthProperties auth;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    CamelContext camel;
    @Autowired
    com.erp.routes.common.security.RevokedSubjects revoked;

    private String token(long id) {
        return TestPeople.token(tokens, new Person(id, "user " + id, "STAFF", "D"));
    }

    @Test
    void aConsumerGetsTheAuthenticatedSenderAndTheRouteAnswersThatUser() {
        try (WebSocketTestClient alice = WebSocketTestClient.withHeader(port, "/ws/echo", token(1));
             WebSocketTestClient bob = WebSocketTestClient.withHeader(port, "/ws/echo", token(2))) {
            alice.send("\"hello\"");
            JsonNode echo = alice.next(Duration.ofSeconds(10));
            assertThat(echo.path("from").asText()).isEqualTo("1");
            assertThat(echo.path("text").asText()).isEqualTo("hello");
            assertThat(bob.next(Duration.ofMillis(300))).isNull();
        }
    }

    /**
     * A page's socket signs in with its tab's token (the subprotocol after erp.bearer, which the server chooses, as
     * a browser requires), not with the login cookie, which another person's sign-in in another tab replaced.
     */
    @Test
    void aPagesSocketIsItsTabsPersonsWhateverTheCookieSays() {
        try (WebSocketTestClient tab = WebSocketTestClient.asPage(port, "/ws/push", token(31),
                auth.cookieName() + "=" + token(32))) {
            assertThat(tab.subprotocol()).isEqualTo("erp.bearer");
            awaitSessions("/ws/push", 1);
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":32}", WebsocketJsr356Constants.USER, "32");
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":31}", WebsocketJsr356Constants.USER, "31");
            assertThat(tab.next(Duration.ofSeconds(5)).path("n").asInt()).as("only its own").isEqualTo(31);
        }
    }

    @Test
    void aUserHeaderReachesAllOfThatUsersSessionsAndNobodyElse() {
        try (WebSocketTestClient phone = WebSocketTestClient.withHeader(port, "/ws/push", token(7));
             WebSocketTestClient laptop = WebSocketTestClient.withHeader(port, "/ws/push", token(7));
             WebSocketTestClient other = WebSocketTestClient.withHeader(port, "/ws/push", token(8))) {
            awaitSessions("/ws/push", 3);
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":1}", WebsocketJsr356Constants.USER, "7");
            assertThat(phone.next(Duration.ofSeconds(5)).path("n").asInt()).isEqualTo(1);
            assertThat(laptop.next(Duration.ofSeconds(5)).path("n").asInt()).isEqualTo(1);
            assertThat(other.next(Duration.ofMillis(300))).isNull();

            producer.sendBody("direct:to-all", "{\"n\":2}");
            assertThat(other.next(Duration.ofSeconds(5)).path("n").asInt()).isEqualTo(2);
        }
    }

    @Test
    void concurrentSendsToOneSessionAllArrive() throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.withHeader(port, "/ws/push", token(11))) {
            awaitSessions("/ws/push", 1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 200; i++) {
                int n = i;
                pool.submit(() -> producer.sendBodyAndHeader("direct:to-user", "{\"n\":" + n + "}",
                        WebsocketJsr356Constants.USER, "11"));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            List<Integer> got = new ArrayList<>();
            client.await(200, Duration.ofSeconds(20)).forEach(m -> got.add(m.path("n").asInt()));
            assertThat(got).hasSize(200).doesNotHaveDuplicates();
        }
    }

    @Test
    void stoppingAndStartingAConsumerRouteKeepsThePathWorking() throws Exception {
        camel.getRouteController().stopRoute("echo");
        camel.getRouteController().startRoute("echo");
        try (WebSocketTestClient client = WebSocketTestClient.withHeader(port, "/ws/echo", token(3))) {
            client.send("\"again\"");
            assertThat(client.next(Duration.ofSeconds(10)).path("text").asText()).isEqualTo("again");
        }
        // other paths are still there too (a second deployment of a path would have removed them all)
        try (WebSocketTestClient client = WebSocketTestClient.withHeader(port, "/ws/push", token(4))) {
            awaitSessions("/ws/push", 1);
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":3}", WebsocketJsr356Constants.USER, "4");
            assertThat(client.next(Duration.ofSeconds(5)).path("n").asInt()).isEqualTo(3);
        }
    }

    @Test
    void messagesToOneSessionArriveInTheOrderSent() {
        try (WebSocketTestClient client = WebSocketTestClient.withHeader(port, "/ws/push", token(12))) {
            awaitSessions("/ws/push", 1);
            for (int i = 0; i < 500; i++) {
                producer.sendBodyAndHeader("direct:to-user", "{\"n\":" + i + "}", WebsocketJsr356Constants.USER, "12");
            }
            List<Integer> got = new ArrayList<>();
            client.await(500, Duration.ofSeconds(20)).forEach(m -> got.add(m.path("n").asInt()));
            assertThat(got).isSorted().hasSize(500).doesNotHaveDuplicates();
        }
    }

    /**
     * A client that stops reading holds up nobody: what is sent to it waits in its own queue while the others' messages
     * go out, and once a write to it has taken longer than the send timeout it is closed and forgotten. (A blocking
     * write held the sending thread, the single notification delivery thread, for everyone until it timed out.)
     */
    @Test
    void aClientThatStopsReadingDelaysNobodyElseAndIsDroppedAfterTheSendTimeout() throws Exception {
        WsPath push = camel.getComponent("websocket-jsr356", WebsocketJsr356Component.class).deploy("/ws/push");
        try (RawWebSocketClient stalled = RawWebSocketClient.connect(port, "/ws/push", token(41));
             WebSocketTestClient other = WebSocketTestClient.withHeader(port, "/ws/push", token(42))) {
            awaitUser(push, "41");
            awaitUser(push, "42");
            // far more than the socket buffers between them hold, so that writes to it stall
            for (int i = 0; i < 200; i++) {
                producer.sendBodyAndHeader("direct:to-user-roomy", LARGE, WebsocketJsr356Constants.USER, "41");
            }
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":1}", WebsocketJsr356Constants.USER, "42");
            assertThat(other.next(Duration.ofSeconds(5))).as("the other client's message").isNotNull();
            assertThat(push.ofUser("41")).as("the stalled client, still connected").hasSize(1);
            assertThat(push.ofUser("41").get(0).backlog()).as("messages waiting for it").isPositive();

            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CamelWsServerEndpoint.SEND_TIMEOUT_MS + 20_000);
            while (!push.ofUser("41").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(push.ofUser("41")).as("dropped once a write to it timed out").isEmpty();
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":2}", WebsocketJsr356Constants.USER, "42");
            assertThat(other.next(Duration.ofSeconds(5))).as("the other client, unaffected").isNotNull();
        }
    }

    /** A client further behind than the limit is closed at once and nothing more is queued for it. */
    @Test
    void aClientTooFarBehindIsClosedAndForgotten() throws Exception {
        int[] sentFailed = stallAndSend("direct:to-user-short-queue", 43);
        assertThat(sentFailed[1]).as("the send that found it too far behind; none after").isEqualTo(1);
        assertThat(sentFailed[0]).as("queued before it fell 16 behind").isGreaterThanOrEqualTo(17).isLessThan(200);
    }

    /** A client whose waiting messages take more memory than allowed is closed, however few they are. */
    @Test
    void aClientBehindByMoreBytesThanAllowedIsClosed() throws Exception {
        int[] sentFailed = stallAndSend("direct:to-user-small-queue", 44);
        assertThat(sentFailed[1]).as("the send that found it too far behind; none after").isEqualTo(1);
        // far fewer than the 1,000 messages the count allows: the bytes closed it
        assertThat(sentFailed[0]).as("queued before it fell 400,000 bytes behind").isGreaterThanOrEqualTo(4)
                .isLessThan(200);
    }

    /**
     * Sends 200 large messages through {@code route} to a client of {@code user} that does not read; answers how many
     * were queued and how many found it dropped, once it is forgotten.
     */
    private int[] stallAndSend(String route, long user) throws Exception {
        WsPath push = camel.getComponent("websocket-jsr356", WebsocketJsr356Component.class).deploy("/ws/push");
        try (RawWebSocketClient stalled = RawWebSocketClient.connect(port, "/ws/push", token(user))) {
            awaitUser(push, String.valueOf(user));
            int sent = 0;
            int failed = 0;
            for (int i = 0; i < 200; i++) {
                var message = producer.request(route, e -> {
                    e.getIn().setBody(LARGE);
                    e.getIn().setHeader(WebsocketJsr356Constants.USER, String.valueOf(user));
                }).getMessage();
                sent += message.getHeader(WebsocketJsr356Constants.SENT, Integer.class);
                failed += message.getHeader(WebsocketJsr356Constants.FAILED, Integer.class);
            }
            assertThat(push.ofUser(String.valueOf(user))).as("forgotten").isEmpty();
            return new int[]{sent, failed};
        }
    }

    private static final String LARGE = "{\"pad\":\"" + "x".repeat(64 * 1024) + "\"}";

    private static void awaitUser(WsPath path, String user) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (path.ofUser(user).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(path.ofUser(user)).as("user " + user + " connected").isNotEmpty();
    }

    /** A connection closed before its token expires leaves nothing behind: its expiry timer goes with it. */
    @Test
    void aClosedConnectionsExpiryTimerIsGoneAtOnce() throws Exception {
        // by identity, not by count: other tests' sessions add and remove timers of their own meanwhile
        java.util.Set<Runnable> before = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        before.addAll(CamelWsServerEndpoint.EXPIRY.getQueue());
        java.util.List<Runnable> ours;
        try (WebSocketTestClient client = WebSocketTestClient.withHeader(port, "/ws/push", token(31))) {
            awaitSessions("/ws/push", 1);
            ours = CamelWsServerEndpoint.EXPIRY.getQueue().stream().filter(t -> !before.contains(t)).toList();
            assertThat(ours).as("the session's expiry timer").isNotEmpty();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ours.stream().anyMatch(CamelWsServerEndpoint.EXPIRY.getQueue()::contains) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(CamelWsServerEndpoint.EXPIRY.getQueue()).as("the closed session's timer, which held it")
                .doesNotContainAnyElementsOf(ours);
    }

    @Test
    void aConnectionEndsWhenItsTokenExpires() throws Exception {
        String shortLived = new TokenIssuer(keys, auth.issuer(), Duration.ofSeconds(2), java.time.Clock.systemUTC())
                .issue(new com.erp.routes.common.security.Caller(21, "u21", "user 21", "D", "STAFF",
                        java.util.Set.of("EMPLOYEE")));
        try (WebSocketTestClient client = WebSocketTestClient.withHeader(port, "/ws/push", shortLived)) {
            awaitSessions("/ws/push", 1);
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":1}", WebsocketJsr356Constants.USER, "21");
            assertThat(client.next(Duration.ofSeconds(5)).path("n").asInt()).isEqualTo(1);
            // well within the token validator's clock allowance (60 s): the server closes it, not a late check
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (client.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(client.isOpen()).as("closed once the token expired").isFalse();
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":2}", WebsocketJsr356Constants.USER, "21");
            assertThat(client.next(Duration.ofMillis(500))).isNull();
        }
    }

    /** A logout's record closes the sessions opened with the token logged out of, and the person's others stay. */
    @Test
    void aLoggedOutTokensSessionsCloseAndTheSamePersonsOtherSessionsStay() throws Exception {
        Person p = new Person(24, "user 24", "STAFF", "D");
        String laptop = token(24);
        String phone = token(24);
        try (WebSocketTestClient out = WebSocketTestClient.withHeader(port, "/ws/push", laptop);
             WebSocketTestClient stays = WebSocketTestClient.withHeader(port, "/ws/push", phone)) {
            String laptopId = org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withPublicKey(keys.publicKey())
                    .build().decode(laptop).getId();
            assertThat(laptopId).isNotBlank();
            // as every service's copy of the revocations tells it, read from the topic
            revoked.revoke(new com.erp.routes.common.events.TokenRevocation("s", 1,
                    java.time.Instant.now(), p, 0, com.erp.routes.common.events.TokenRevocation.Reason.SIGNED_OUT, 1,
                    java.util.Map.of(laptopId, java.time.Instant.now().plusSeconds(3600))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (out.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(out.isOpen()).as("the logged-out token's session").isFalse();
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":3}", WebsocketJsr356Constants.USER, "24");
            assertThat(stays.next(Duration.ofSeconds(5)).path("n").asInt()).isEqualTo(3);
            assertThat(stays.isOpen()).isTrue();
        }
    }

    /**
     * A revocation read after the handshake's token check but before the session was registered closed the user's
     * other sessions only: the session finds out as it opens. (Here the check says user 22's token is refused by then.)
     */
    @Test
    void aConnectionWhoseTokenWasRefusedBeforeItOpenedIsClosed() throws Exception {
        WebsocketJsr356Component component = camel.getComponent("websocket-jsr356", WebsocketJsr356Component.class);
        RevokedCheck configured = component.revokedCheck();
        component.refuseRevoked((user, tokenVersion, tokenId) -> "22".equals(user));
        try (WebSocketTestClient refused = WebSocketTestClient.withHeader(port, "/ws/push", token(22));
             WebSocketTestClient other = WebSocketTestClient.withHeader(port, "/ws/push", token(23))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (refused.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(refused.isOpen()).as("closed as it opened").isFalse();
            // the server registers a session a moment after its client saw the handshake done
            awaitUser(component.deploy("/ws/push"), "23");
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":1}", WebsocketJsr356Constants.USER, "22");
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":2}", WebsocketJsr356Constants.USER, "23");
            assertThat(other.next(Duration.ofSeconds(5)).path("n").asInt()).as("the others stay").isEqualTo(2);
            assertThat(refused.next(Duration.ofMillis(300))).isNull();
        } finally {
            component.refuseRevoked(configured);
        }
    }

    /** The server registers a session slightly after the client sees the handshake complete. */
    private void awaitSessions(String path, int atLeast) {
        WebsocketJsr356Component component = camel.getComponent("websocket-jsr356", WebsocketJsr356Component.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (component.deploy(path).size() < atLeast && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
