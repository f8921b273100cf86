package com.erp.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Objects;

import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * 독촉 through the whole system: a document left waiting in the lead's inbox is due a reminder 8 working hours after
 * its step became active. The test moves that moment to now (it does not wait a working day); from there the
 * reminder route, Kafka, notification and the WebSocket are the real ones. The lead is reminded live, once; the
 * next reminder is a period later; the next step counts anew, and a finished document reminds nobody.
 */
class ReminderEndToEndTest extends StandaloneTestBase {

    private static final long HOUR = 3_600_000;

    @Autowired
    StringRedisTemplate redis;

    private Double due(String id) {
        return redis.opsForZSet().score(RedisKeys.REMINDERS, id);
    }

    /** The next notification of this type about the document, skipping others. */
    private static JsonNode next(WebSocketTestClient socket, String id, String type) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode n : about(socket, id, 1)) {
                if (type.equals(n.path("type").asText())) {
                    return n;
                }
            }
        }
        throw new AssertionError("no " + type + " about " + id);
    }

    @Test
    void aDocumentLeftWaitingRemindsItsApproverLiveOnce() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        try (WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead)) {
            Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "독촉 문서"));
            assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
            String id = submitted.json().path("id").asText();
            next(leadWs, id, "APPROVAL_REQUESTED");
            // at least 8 working hours away, which is more than 8 hours on the clock
            assertThat(eventually(() -> due(id), Objects::nonNull, "the reminder planned"))
                    .isGreaterThan(System.currentTimeMillis() + 8 * HOUR - 60_000.0);

            // the lead left it waiting for a working day
            redis.opsForZSet().add(RedisKeys.REMINDERS, id, System.currentTimeMillis());
            JsonNode reminder = next(leadWs, id, "APPROVAL_REMINDER");
            assertThat(reminder.path("message").asText()).contains("독촉").contains("독촉 문서").contains("step 1 of 2");
            assertThat(reminder.path("actor").path("name").asText()).isEqualTo("김민준");
            // the next one a period later, not at the next look
            eventually(() -> due(id), d -> d > System.currentTimeMillis() + 8 * HOUR - 60_000, "the next reminder planned");
            assertThat(http.get("/api/notifications", lead).json().path("items").findValues("type").stream()
                    .filter(t -> t.asText().equals("APPROVAL_REMINDER")).count()).isEqualTo(1);
            assertThat(http.get("/api/notifications", staff).json().path("items").findValuesAsText("type"))
                    .doesNotContain("APPROVAL_REMINDER");

            // approved: the head's step plans its own reminder; rejected: none any more
            long approved = System.currentTimeMillis();
            assertThat(eventually(() -> http.post("/api/approvals/" + id + "/decisions", lead,
                    Map.of("decision", "APPROVE")), r -> r.status() == 200, "the lead's approval").status()).isEqualTo(200);
            assertThat(due(id)).isGreaterThan(approved + 8 * HOUR - 60_000.0);
            assertThat(http.post("/api/approvals/" + id + "/decisions", head,
                    Map.of("decision", "REJECT", "comment", "다음에")).status()).isEqualTo(200);
            assertThat(due(id)).isNull();
        }
    }
}
