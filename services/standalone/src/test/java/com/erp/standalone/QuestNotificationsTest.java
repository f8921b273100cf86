package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Quests tell the people concerned, live: the manager who posted a quest hears that it was taken and reported
 * done; the employee who took it that it was approved and the reward earned. Through the whole system:
 * employee-service's outbox, Kafka, notification-service, the WebSocket and the stored inbox.
 */
class QuestNotificationsTest extends StandaloneTestBase {

    @Test
    void thePosterAndTheTakerAreToldOfEachOthersChangesAsTheyHappen() {
        String lead = login("sales.lead");
        String staff = login("sales.staff");
        try (WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead);
             WebSocketTestClient staffWs = WebSocketTestClient.withHeader(port, WS, staff)) {
            Response posted = http.post("/api/quests", lead, Map.of("title", "고객 설문 정리", "rewardDays", 1));
            assertThat(posted.status()).as("%s", posted).isEqualTo(201);
            long quest = posted.json().path("id").asLong();

            assertThat(http.post("/api/quests/" + quest + "/take", staff, null).status()).isEqualTo(200);
            JsonNode taken = aboutQuest(leadWs, quest, 1).get(0);
            assertThat(taken.path("type").asText()).isEqualTo("QUEST_TAKEN");
            assertThat(taken.path("message").asText()).contains("took your quest '고객 설문 정리'");
            assertThat(taken.path("actor").path("name").asText()).isNotBlank();

            assertThat(http.post("/api/quests/" + quest + "/report", staff, Map.of("report", "정리 완료")).status())
                    .isEqualTo(200);
            assertThat(aboutQuest(leadWs, quest, 1).get(0).path("type").asText()).isEqualTo("QUEST_REPORTED");

            assertThat(http.post("/api/quests/" + quest + "/approval", lead, null).status()).isEqualTo(200);
            JsonNode approved = aboutQuest(staffWs, quest, 1).get(0);
            assertThat(approved.path("type").asText()).isEqualTo("QUEST_APPROVED");
            assertThat(approved.path("message").asText()).contains("1 leave day(s) earned");
            // nobody hears of their own change
            assertThat(aboutQuest(staffWs, quest, 0)).isEmpty();
            assertThat(aboutQuest(leadWs, quest, 0)).isEmpty();
        }

        Response inbox = http.get("/api/notifications", staff);
        assertMatchesContract("notification-api.yaml", "GET", "/api/notifications", inbox);
        JsonNode stored = inbox.json().path("items").path(0);
        assertThat(stored.path("type").asText()).isEqualTo("QUEST_APPROVED");
        assertThat(stored.has("approvalId")).isFalse();
        assertThat(stored.path("questId").asLong()).isPositive();
    }

    /** The next {@code count} WebSocket messages about a quest (skipping others); with 0, waits a moment for none. */
    private static List<JsonNode> aboutQuest(WebSocketTestClient socket, long quest, int count) {
        List<JsonNode> found = new ArrayList<>();
        long deadline = System.nanoTime() + (count == 0 ? Duration.ofMillis(700) : WAIT).toNanos();
        while ((count == 0 || found.size() < count) && System.nanoTime() < deadline) {
            JsonNode next = socket.next(Duration.ofMillis(100));
            if (next != null && next.path("questId").asLong() == quest) {
                found.add(next);
            }
        }
        assertThat(found).as("notifications about quest %s", quest).hasSize(count);
        return found;
    }
}
