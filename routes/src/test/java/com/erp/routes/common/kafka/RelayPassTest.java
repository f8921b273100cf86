package com.erp.routes.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/** The relay's way through the outbox: on past a front Kafka keeps refusing, not past a broker that is away. */
class RelayPassTest {

    private final RelayPass pass = new RelayPass();

    private static OutboxEntry entry(String doc) {
        return new OutboxEntry(doc, doc + "-e", "t", "{}", Instant.EPOCH, null);
    }

    /** A page of two read, {@code due} of its entries due, ending at {@code last}. */
    private static OutboxPage page(String last, List<OutboxEntry> due, String... waiting) {
        return new OutboxPage(due, 2, 2, last, Set.of(waiting));
    }

    @Test
    void whileEveryEntryWentThePagesComeFromTheFrontAndAShortOneEndsTheLook() {
        pass.start();
        assertThat(pass.after()).as("the first from the front").isNull();
        OutboxPage all = page("5", List.of(entry("a"), entry("b")));
        pass.begin(all);
        assertThat(pass.next(all, 2)).isTrue();
        assertThat(pass.after()).as("they are gone: from the front again").isNull();
        OutboxPage last = new OutboxPage(List.of(entry("c")), 1, 1, "7", Set.of());
        pass.begin(last);
        assertThat(pass.next(last, 2)).as("that was all").isFalse();
    }

    @Test
    void anEntryNotDueYetHoldsItsDocumentsLaterOnesBackButNotItsEarlierOnesOfThePage() {
        pass.start();
        // d's first entry is due and in the page, its second not: the first goes, the later ones wait
        OutboxPage mixed = new OutboxPage(List.of(entry("d")), 2, 2, "3", Set.of("d"));
        assertThat(pass.begin(mixed)).as("nothing held while the page is sent").isEmpty();
        assertThat(pass.next(mixed, 2)).isTrue();
        assertThat(pass.after()).as("something stayed behind: on from here").isEqualTo("3");
        OutboxPage later = page("6", List.of(entry("d"), entry("e")));
        assertThat(pass.begin(later)).containsExactly("d");
    }

    @Test
    void goesOnPastAPageKafkaRefusedButStopsWhenKafkaIsAway() {
        pass.start();
        OutboxPage refused = page("9", List.of(entry("r1"), entry("r2")));
        pass.begin(refused).add("r1"); // the round's failed documents go into the set it returns
        pass.failed(new org.apache.camel.CamelExchangeException("send", null,
                new TopicAuthorizationException(Set.of("approval.comment"))));
        pass.failed(new RecordTooLargeException("too large"));
        assertThat(pass.next(refused, 2)).as("every failure the broker's answer about its records").isTrue();
        assertThat(pass.after()).isEqualTo("9");
        OutboxPage behind = page("11", List.of(entry("r1"), entry("x")));
        assertThat(pass.begin(behind)).as("held back for the rest of the look").containsExactly("r1");
        assertThat(pass.next(behind, 2)).isTrue();
        assertThat(pass.after()).as("not back to the front, where the refused are").isEqualTo("11");

        pass.begin(page("13", List.of(entry("y"))));
        pass.failed(new TimeoutException("Expiring 1 record(s): broker away"));
        assertThat(pass.next(page("13", List.of(entry("y"))), 2)).as("the broker away: the same would fail").isFalse();
        assertThat(pass.after()).isNull();
        assertThat(pass.begin(page("2", List.of(entry("r1"))))).as("a new look holds nothing back").isEmpty();
        assertThat(pass.next(page("2", List.of(entry("r1"))), 2)).as("no failure of its own").isTrue();
        pass.begin(page("4", List.of(entry("z"))));
        pass.failed(new IllegalStateException("not Kafka's: the store"));
        assertThat(pass.next(page("4", List.of(entry("z"))), 2)).isFalse();
    }

    @Test
    void aLookThatEndedInAnExceptionDoesNotLeaveTheNextWhereItStopped() {
        pass.start();
        OutboxPage refused = page("9", List.of(entry("r1"), entry("r2")));
        pass.begin(refused).add("r1");
        pass.failed(new RecordTooLargeException("too large"));
        assertThat(pass.next(refused, 2)).isTrue();
        // the next page's read fails: the timer's next look starts afresh
        pass.start();
        assertThat(pass.after()).isNull();
        assertThat(pass.begin(page("2", List.of(entry("r1"))))).isEmpty();
    }
}
