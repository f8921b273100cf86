package com.erp.routes.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.security.TokenIssuer;
import com.erp.routes.testing.NoServers;
import com.erp.routes.testing.RawWebSocketClient;
import com.erp.routes.testing.TestPeople;
import com.erp.routes.testing.WebSocketTestClient;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The heartbeat: the server pings every connection, and closes one it hears nothing from (no pong, no message) for
 * longer than allowed, a client gone without a word (a laptop asleep) that would otherwise hold its session until its
 * token expired; a client that answers (browsers do by themselves, as the JDK's client here) stays however quiet.
 */
@CamelSpringBootTest
@SpringBootTest(classes = WebsocketJsr356ComponentTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                NoServers.EXCLUDE_AUTO_CONFIGURATION,
                "erp.websocket.ping-interval=200ms",
                "erp.websocket.max-silence=1s"
        })
class WebSocketHeartbeatTest {

    @LocalServerPort
    int port;
    @Autowired
    TokenIssuer tokens;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    CamelContext camel;

    private String token(long id) {
        return TestPeople.token(tokens, new Person(id, "user " + id, "STAFF", "D"));
    }

    @Test
    void aClientThatAnswersNoPingIsClosedAndForgottenAndOneThatAnswersStays() throws Exception {
        WsPath push = camel.getComponent("websocket-jsr356", WebsocketJsr356Component.class).deploy("/ws/push");
        try (RawWebSocketClient silent = RawWebSocketClient.connect(port, "/ws/push", token(51));
             WebSocketTestClient answering = WebSocketTestClient.withHeader(port, "/ws/push", token(52))) {
            RawWebSocketClient.Frame first = silent.nextFrame(Duration.ofSeconds(5));
            assertThat(first).as("a frame within a few ping intervals").isNotNull();
            assertThat(first.opcode()).as("a ping").isEqualTo(0x9);
            assertThat(push.ofUser("51")).as("not closed before its silence ran out").hasSize(1);

            // it answers nothing: once a second has passed without a word it is closed, with a close frame saying so
            RawWebSocketClient.Frame frame = first;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (frame != null && frame.opcode() != 0x8 && System.nanoTime() < deadline) {
                frame = silent.nextFrame(Duration.ofSeconds(5));
            }
            assertThat(frame).as("a close frame").isNotNull();
            assertThat(frame.opcode()).isEqualTo(0x8);
            assertThat(frame.closeCode()).as("going away").isEqualTo(1001);
            assertThat(push.ofUser("51")).as("forgotten").isEmpty();

            // the one that answers pings, quiet itself for several times the silence allowed, is still there
            Thread.sleep(3000);
            assertThat(answering.isOpen()).isTrue();
            assertThat(push.ofUser("52")).hasSize(1);
            producer.sendBodyAndHeader("direct:to-user", "{\"n\":1}", WebsocketJsr356Constants.USER, "52");
            assertThat(answering.next(Duration.ofSeconds(5)).path("n").asInt()).isEqualTo(1);

            // kept busy reading for a while (the pings wait for the writes, and go between them), it stays too
            for (int i = 0; i < 2000; i++) {
                producer.sendBodyAndHeader("direct:to-user", "{\"n\":" + i + "}", WebsocketJsr356Constants.USER, "52");
                if (i % 200 == 0) {
                    Thread.sleep(100);
                }
            }
            assertThat(answering.await(2000, Duration.ofSeconds(20))).hasSize(2000);
            Thread.sleep(1500);
            assertThat(answering.isOpen()).isTrue();
            assertThat(push.ofUser("52")).hasSize(1);
        }
    }

    /** A ping interval not shorter than the silence allowed would close every client between two pings. */
    @Test
    void aHeartbeatThatWouldCloseEveryoneIsRefused() {
        WebsocketJsr356Component component = new WebsocketJsr356Component(() -> null);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> component.setHeartbeat(Duration.ofSeconds(60), Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than the silence");
    }
}
