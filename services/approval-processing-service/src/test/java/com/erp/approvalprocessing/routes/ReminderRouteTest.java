package com.erp.approvalprocessing.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.erp.approvalprocessing.persistence.RedisReminders;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.common.events.ReportingLines;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.testing.HttpTestClient.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 독촉 on the real broker and Redis: a step that waits past {@code reminders.after} (3 s of any time here) reminds
 * whoever must decide it, once per {@code repeat} (an hour here); the next step counts from its own activation; a
 * document decided in time reminds nobody. The drafter may ask for a decision once an hour.
 */
class ReminderRouteTest extends ProcessingRouteTestBase {

    @Autowired
    RedisReminders reminders;


    private List<ConsumerRecord<String, String>> reminders(String id, int count, Duration within) {
        return kafka.await("approval.reminded", r -> id.equals(r.key()), count, within);
    }

    private Double due(String id) {
        return redis.opsForZSet().score(RedisKeys.REMINDERS, id);
    }

    /**
     * A document no reminder can be made of (its state unusable: here an empty one) is passed over, and tried again a
     * repeat later (not first in every period's batch); the documents due after it are still reminded.
     */
    @Test
    void aDocumentNoReminderCanBeMadeOfHoldsUpNoOther() throws Exception {
        String broken = "broken-" + UUID.randomUUID();
        redis.opsForHash().put(RedisKeys.approval(broken), "state", "{}");
        // due since 1970: the first of every period's look
        redis.opsForZSet().add(RedisKeys.REMINDERS, broken, 1);
        try {
            String id = activated();
            assertThat(reminders(id, 1, Duration.ofSeconds(20))).hasSize(1);
            assertThat(due(broken)).as("tried again a repeat (an hour) later").isGreaterThan(System.currentTimeMillis() + 1_800_000.0);
        } finally {
            redis.opsForZSet().remove(RedisKeys.REMINDERS, broken);
            redis.delete(RedisKeys.approval(broken));
        }
    }

    @Test
    void aStepThatWaitsTooLongRemindsItsApproverOnceAndTheNextStepItsOwn() throws Exception {
        long before = System.currentTimeMillis();
        String id = activated();
        assertThat(due(id)).isBetween(before + 3000.0, System.currentTimeMillis() + 3000.0);

        List<ConsumerRecord<String, String>> first = reminders(id, 1, Duration.ofSeconds(20));
        assertThat(first).hasSize(1);
        ReminderEvent reminder = json.readValue(first.get(0).value(), ReminderEvent.class);
        assertThat(reminder.waitingOn()).containsExactly(LEAD);
        assertThat(reminder.step()).isEqualTo(1);
        assertThat(reminder.stepCount()).isEqualTo(2);
        assertThat(reminder.drafter()).isEqualTo(DRAFTER);
        assertThat(reminder.occurredAt()).isAfterOrEqualTo(Instant.ofEpochMilli(before + 3000));

        // once sent it is due again a repeat later, so the next looks send nothing
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (due(id) < System.currentTimeMillis() + 1_800_000 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(due(id)).isGreaterThan(System.currentTimeMillis() + 1_800_000.0);
        assertThat(reminders(id, 2, Duration.ofSeconds(2))).hasSize(1);

        // step 1 approved: the head's step reminds three seconds after its own activation
        long approved = System.currentTimeMillis();
        assertThat(decide(LEAD, id, "APPROVE", null).status()).isEqualTo(200);
        assertThat(due(id)).isBetween(approved + 3000.0, System.currentTimeMillis() + 3000.0);
        List<ConsumerRecord<String, String>> both = reminders(id, 2, Duration.ofSeconds(20));
        assertThat(both).hasSize(2);
        ReminderEvent second = json.readValue(both.get(1).value(), ReminderEvent.class);
        assertThat(second.waitingOn()).containsExactly(HEAD);
        assertThat(second.step()).isEqualTo(2);
        assertThat(second.eventId()).isNotEqualTo(reminder.eventId());
    }

    @Test
    void aStepWaitingLongEnoughEscalatesToTheSuperiorsOfWhoeverItWaitsOn() throws Exception {
        // employee-service's reporting lines, as it publishes them: the lead reports to OTHER (for this test; the
        // head, on the next step, is reminded in their turn, not escalated to)
        Person superior = OTHER;
        ReportingLines lines = new ReportingLines(UUID.randomUUID().toString(), ReportingLines.VERSION, Instant.now(),
                List.of(new ReportingLines.Line(LEAD.id(), superior), new ReportingLines.Line(DRAFTER.id(), LEAD)));
        kafka.send("employee.reporting-lines", ReportingLines.KEY, json.writeValueAsString(lines));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!lines.eventId().equals(storedLinesId()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(storedLinesId()).isEqualTo(lines.eventId());

        String id = activated();
        ReminderEvent reminder = json.readValue(reminders(id, 1, Duration.ofSeconds(20)).get(0).value(),
                ReminderEvent.class);
        assertThat(reminder.waitingOn()).containsExactly(LEAD);
        assertThat(reminder.escalatedTo()).containsExactly(superior);

        // the drafter's own reminder escalates to nobody
        assertThat(http.post("/api/approvals/" + id + "/reminder", token(DRAFTER), null).status()).isEqualTo(202);
        ReminderEvent asked = json.readValue(kafka.await("approval.reminded",
                r -> id.equals(r.key()) && r.value().contains("requestedBy"), 1, Duration.ofSeconds(20)).get(0).value(),
                ReminderEvent.class);
        assertThat(asked.escalatedTo()).isNull();
    }

    private String storedLinesId() throws Exception {
        String stored = redis.opsForValue().get(RedisKeys.REPORTING_LINES);
        return stored == null ? null : json.readTree(stored).path("eventId").asText();
    }

    @Test
    void theDrafterAsksForADecisionAtMostOnceAnHour() throws Exception {
        String id = activated();
        // a header of the project's own kind, which Kafka would otherwise carry on: not passed on from HTTP
        Response asked = http.send(http.request("/api/approvals/" + id + "/reminder", token(DRAFTER))
                .header("erp-test", "from the HTTP request").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(asked.status()).as("%s", asked).isEqualTo(202);
        assertMatchesContract("approval-processing-api.yaml", "POST", "/api/approvals/" + id + "/reminder", asked);
        assertThat(asked.json().path("reminded").get(0).path("id").asLong()).isEqualTo(LEAD.id());
        assertThat(asked.json().path("step").asInt()).isEqualTo(1);

        ReminderEvent sent = json.readValue(kafka.await("approval.reminded",
                r -> id.equals(r.key()) && r.value().contains("requestedBy"), 1, Duration.ofSeconds(20)).get(0).value(),
                ReminderEvent.class);
        assertThat(sent.requestedBy()).isEqualTo(DRAFTER);
        assertThat(sent.waitingOn()).containsExactly(LEAD);
        // no HTTP header travels on to Kafka
        assertThat(kafka.await("approval.reminded", r -> id.equals(r.key()) && r.value().contains("requestedBy"), 1,
                Duration.ofSeconds(5)).get(0).headers().lastHeader("erp-test")).isNull();

        Response again = http.post("/api/approvals/" + id + "/reminder", token(DRAFTER), null);
        assertThat(assertProblem(again, 429).path("detail").asText()).contains("minutes");
        assertThat(Integer.parseInt(again.header("Retry-After"))).isBetween(3500, 3600);

        assertThat(assertProblem(http.post("/api/approvals/" + id + "/reminder", token(LEAD), null), 403)
                .path("detail").asText()).contains("Only the drafter");
        assertProblem(http.post("/api/approvals/" + id + "/reminder", token(OTHER), null), 403);
        assertProblem(http.post("/api/approvals/" + id + "/reminder", null, null), 401);
        assertProblem(http.post("/api/approvals/" + UUID.randomUUID() + "/reminder", token(DRAFTER), null), 404);

        String finished = activated(List.of(new LineStep(1, LEAD)));
        assertThat(decide(LEAD, finished, "APPROVE", null).status()).isEqualTo(200);
        assertThat(assertProblem(http.post("/api/approvals/" + finished + "/reminder", token(DRAFTER), null), 409)
                .path("detail").asText()).contains("nobody is left to remind");
    }

    @Test
    void requestsAtTheSameMomentSendOneReminder() throws Exception {
        String id = activated();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> ask = () -> http.post("/api/approvals/" + id + "/reminder", token(DRAFTER), null).status();
            List<Future<Integer>> answers = pool.invokeAll(Collections.nCopies(4, ask));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(202, 429, 429, 429);
        } finally {
            pool.shutdown();
        }
        assertThat(kafka.await("approval.reminded", r -> id.equals(r.key()) && r.value().contains("requestedBy"), 2,
                Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void aReminderSentLateDoesNotMoveTheNextStepsOwn() throws Exception {
        String id = activated();
        double first = due(id);
        assertThat(decide(LEAD, id, "APPROVE", null).status()).isEqualTo(200);
        double second = due(id);
        // the first step's reminder, found due before the decision and sent after it, moves nothing on
        reminders.sent(new RedisReminders.Due(id, (long) first));
        assertThat(due(id)).isEqualTo(second);
        reminders.sent(new RedisReminders.Due(id, (long) second));
        assertThat(due(id)).isGreaterThan(System.currentTimeMillis() + 1_800_000.0);
    }

    @Test
    void aDocumentDecidedInTimeRemindsNobody() throws Exception {
        String id = activated(List.of(new LineStep(1, LEAD)));
        assertThat(due(id)).isNotNull();

        assertThat(decide(LEAD, id, "APPROVE", null).status()).isEqualTo(200);

        assertThat(due(id)).isNull();
        assertThat(reminders(id, 1, Duration.ofSeconds(5))).isEmpty();
    }
}
