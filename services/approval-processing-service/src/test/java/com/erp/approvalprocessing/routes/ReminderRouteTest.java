package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.common.redis.RedisKeys;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * 독촉 on the real broker and Redis: a step that waits past {@code reminders.after} (3 s of any time here) reminds
 * whoever must decide it, once per {@code repeat} (an hour here); the next step counts from its own activation; a
 * document decided in time reminds nobody.
 */
class ReminderRouteTest extends ProcessingRouteTestBase {

    private List<ConsumerRecord<String, String>> reminders(String id, int count, Duration within) {
        return kafka.await("approval.reminded", r -> id.equals(r.key()), count, within);
    }

    private Double due(String id) {
        return redis.opsForZSet().score(RedisKeys.REMINDERS, id);
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
    void aDocumentDecidedInTimeRemindsNobody() throws Exception {
        String id = activated(List.of(new LineStep(1, LEAD)));
        assertThat(due(id)).isNotNull();

        assertThat(decide(LEAD, id, "APPROVE", null).status()).isEqualTo(200);

        assertThat(due(id)).isNull();
        assertThat(reminders(id, 1, Duration.ofSeconds(5))).isEmpty();
    }
}
