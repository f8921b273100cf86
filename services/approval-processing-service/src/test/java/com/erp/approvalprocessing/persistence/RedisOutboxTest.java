package com.erp.approvalprocessing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.kafka.OutboxEntry;
import org.junit.jupiter.api.Test;

class RedisOutboxTest {

    private static final Instant DUE = Instant.parse("2026-12-06T09:00:00Z");

    private static OutboxEntry entry(String approvalId, String eventId, Instant createdAt) {
        return new OutboxEntry(approvalId, eventId, "approval.decided", "{}", createdAt, null);
    }

    @Test
    void aDocumentsEntriesWaitBehindItsFirstThatIsNotDueOthersGoOn() {
        // stored in this order; b's first comes from an instance whose clock runs ahead
        List<OutboxEntry> stored = List.of(
                entry("a", "a1", DUE.minusSeconds(30)),
                entry("b", "b1", DUE.plusSeconds(5)),
                entry("a", "a2", DUE.minusSeconds(20)),
                entry("b", "b2", DUE.minusSeconds(10)),
                entry("c", "c1", DUE.minusSeconds(1)),
                entry("c", "c2", DUE));

        assertThat(RedisOutbox.dueInOrder(stored, DUE)).extracting(OutboxEntry::eventId)
                .containsExactly("a1", "a2", "c1");
    }

    @Test
    void adoptedEntriesScoreBeforeAnyCountedOneInTheOrderTheyWereStoredToTheMicrosecond() {
        Instant stored = Instant.parse("2026-12-06T09:00:00.000001Z");
        long score = RedisOutbox.adoptedScore(stored);
        assertThat(score).isNegative();
        assertThat(RedisOutbox.adoptedScore(stored.plusNanos(1_000))).isEqualTo(score + 1);
        assertThat(RedisOutbox.adoptedScore(Instant.parse("2100-01-01T00:00:00Z"))).isNegative();
        // Redis keeps scores as doubles: these are exact
        assertThat((long) (double) score).isEqualTo(score);
        assertThat(Math.abs(score)).isLessThan(1L << 53);
    }
}
