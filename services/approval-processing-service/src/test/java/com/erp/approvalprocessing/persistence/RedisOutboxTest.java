package com.erp.approvalprocessing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.erp.routes.common.kafka.OutboxEntry;
import org.junit.jupiter.api.Test;

class RedisOutboxTest {

    private static final Instant DUE = Instant.parse("2026-12-06T09:00:00Z");

    private static OutboxEntry entry(String approvalId, String eventId, Instant createdAt) {
        return entry(approvalId, eventId, createdAt, Long.parseLong(eventId.substring(1)));
    }

    private static OutboxEntry entry(String approvalId, String eventId, Instant createdAt, long sequence) {
        return new OutboxEntry(approvalId, eventId, "approval.decided", String.valueOf(sequence), createdAt, null);
    }

    /** The test entries carry their sequence as the payload. */
    private static long sequence(OutboxEntry entry) {
        return Long.parseLong(entry.payload());
    }

    private final java.util.Set<String> waiting = new java.util.HashSet<>();

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

        assertThat(RedisOutbox.dueInOrder(stored, RedisOutboxTest::sequence, DUE, Set.of(), waiting)).extracting(OutboxEntry::eventId)
                .containsExactly("a1", "a2", "c1");
        assertThat(waiting).as("their later entries, in a later page too, wait").containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void aDocumentsEntriesGoByTheirEventsSequenceWhateverTheOrderOfStoringSaid() {
        // adopted entries of one transition share their time; an earlier version stored the later one first
        List<OutboxEntry> stored = List.of(
                entry("a", "a5", DUE.minusSeconds(9)),
                entry("b", "b1", DUE.minusSeconds(8)),
                entry("a", "a4", DUE.minusSeconds(9)),
                entry("a", "a6", DUE.minusSeconds(5)));

        assertThat(RedisOutbox.dueInOrder(stored, RedisOutboxTest::sequence, DUE, Set.of(), waiting)).extracting(OutboxEntry::eventId)
                .containsExactly("a4", "b1", "a5", "a6");
    }

    /** A held entry (no request is going to send it) is due at once; behind it its document's order still holds. */
    @Test
    void aHeldEntryIsDueWithoutWaitingForItsTime() {
        List<OutboxEntry> stored = List.of(
                entry("a", "a1", DUE.plusSeconds(1)),
                entry("b", "b1", DUE.plusSeconds(1)),
                entry("a", "a2", DUE.plusSeconds(2)),
                entry("a", "a3", DUE.plusSeconds(3)));

        assertThat(RedisOutbox.dueInOrder(stored, RedisOutboxTest::sequence, DUE, Set.of("a1", "a3"), waiting))
                .extracting(OutboxEntry::eventId).containsExactly("a1");
        assertThat(waiting).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aDocumentWaitsAtItsLowestSequenceNotYetDue() {
        List<OutboxEntry> stored = List.of(
                entry("a", "a2", DUE.minusSeconds(9)),
                entry("a", "a1", DUE.plusSeconds(1)));

        assertThat(RedisOutbox.dueInOrder(stored, RedisOutboxTest::sequence, DUE, Set.of(), waiting)).isEmpty();
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
