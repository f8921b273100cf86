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

    private static OutboxPage page(int read, String last, String... waiting) {
        return new OutboxPage(List.of(new OutboxEntry("doc", "e", "t", "{}", Instant.EPOCH, null)), read, last,
                Set.of(waiting));
    }

    @Test
    void aFullPageIsFollowedAtOnceFromWhereItEndedAndAShortOneEndsThePass() {
        assertThat(pass.after()).as("the first from the front").isNull();
        pass.begin(page(2, "5"));
        assertThat(pass.next(page(2, "5"), 2, false)).isTrue();
        assertThat(pass.after()).isEqualTo("5");
        pass.begin(page(1, "7"));
        assertThat(pass.next(page(1, "7"), 2, false)).as("that was all").isFalse();
        assertThat(pass.after()).as("the next pass from the front").isNull();
    }

    @Test
    void goesOnPastAPageKafkaRefusedButStopsWhenKafkaIsAway() {
        OutboxPage refused = page(2, "9", "not-due-yet");
        java.util.Set<String> held = pass.begin(refused);
        held.add("refused-doc"); // the round's failed documents go into the same set
        pass.failed(new org.apache.camel.CamelExchangeException("send", null,
                new TopicAuthorizationException(Set.of("approval.comment"))));
        pass.failed(new RecordTooLargeException("too large"));
        assertThat(pass.next(refused, 2, true)).as("every failure the broker's answer about its records").isTrue();
        assertThat(pass.after()).isEqualTo("9");
        assertThat(pass.begin(page(2, "11"))).as("held back for the rest of the pass")
                .containsExactlyInAnyOrder("not-due-yet", "refused-doc");

        pass.failed(new TimeoutException("Expiring 1 record(s): broker away"));
        assertThat(pass.next(page(2, "11"), 2, true)).as("the broker away: the same would fail").isFalse();
        assertThat(pass.after()).isNull();
        assertThat(pass.begin(page(2, "2"))).as("a new pass holds nothing back").isEmpty();
        assertThat(pass.next(page(2, "2"), 2, true)).as("a failure elsewhere (a publication's), none here").isTrue();
        pass.begin(page(2, "4"));
        pass.failed(new IllegalStateException("not Kafka's: the store"));
        assertThat(pass.next(page(2, "4"), 2, true)).isFalse();
    }
}
