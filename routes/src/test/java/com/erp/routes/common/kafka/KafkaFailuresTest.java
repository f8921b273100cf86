package com.erp.routes.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;

import org.apache.camel.CamelExchangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaFailuresTest {

    @Test
    void aRecordTheBrokerWillNeverTakeIsRefusedForGoodAlsoWhenWrapped() {
        assertThat(KafkaFailures.refusedForGood(new RecordTooLargeException("The message is 70000 bytes"))).isTrue();
        assertThat(KafkaFailures.refusedForGood(new ExecutionException(
                new org.apache.kafka.common.errors.SerializationException("cannot serialise")))).isTrue();
        assertThat(KafkaFailures.refusedForGood(new CamelExchangeException("send failed", null,
                new KafkaException(new RecordTooLargeException("too large"))))).isTrue();
    }

    @Test
    void theBrokerAwayOrMovingOrWhatFailsEveryRecordIsNot() {
        // a missing ACL or a topic name the broker rejects: every record of the topic alike, until the setup is mended
        assertThat(KafkaFailures.refusedForGood(new TopicAuthorizationException("Not authorized to access topics: "
                + "[employee.tokens-revoked]"))).isFalse();
        assertThat(KafkaFailures.refusedForGood(new org.apache.kafka.common.errors.InvalidTopicException("bad name")))
                .isFalse();
        assertThat(KafkaFailures.refusedForGood(new TimeoutException("Topic quest.changed not present in metadata")))
                .isFalse();
        assertThat(KafkaFailures.refusedForGood(new NotLeaderOrFollowerException("moving"))).isFalse();
        assertThat(KafkaFailures.refusedForGood(new SaslAuthenticationException("bad credentials"))).isFalse();
        assertThat(KafkaFailures.refusedForGood(new IllegalStateException("producer closed"))).isFalse();
        assertThat(KafkaFailures.refusedForGood(null)).isFalse();
    }

    @Test
    void theBrokersAnswerAboutARecordOrItsTopicIsToldApartFromItsAbsence() {
        assertThat(KafkaFailures.answered(new CamelExchangeException("send failed", null,
                new TopicAuthorizationException("Not authorized to access topics: [approval.comment]")))).isTrue();
        assertThat(KafkaFailures.answered(new org.apache.kafka.common.errors.InvalidTopicException("bad name"))).isTrue();
        assertThat(KafkaFailures.answered(new ExecutionException(new RecordTooLargeException("too large")))).isTrue();
        // away, moving, credentials (every record alike), or not Kafka's at all
        assertThat(KafkaFailures.answered(new TimeoutException("Expiring 1 record(s)"))).isFalse();
        assertThat(KafkaFailures.answered(new KafkaException(new NotLeaderOrFollowerException("moving")))).isFalse();
        assertThat(KafkaFailures.answered(new SaslAuthenticationException("bad credentials"))).isFalse();
        assertThat(KafkaFailures.answered(new org.apache.kafka.common.errors.ClusterAuthorizationException(
                "no IdempotentWrite"))).isFalse();
        assertThat(KafkaFailures.answered(new org.apache.kafka.common.errors.ProducerFencedException("fenced"))).isFalse();
        assertThat(KafkaFailures.answered(new IllegalStateException("producer closed"))).isFalse();
        assertThat(KafkaFailures.answered(null)).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertThat(KafkaFailures.refusedForGood(a)).isFalse();
        assertThat(KafkaFailures.answered(a)).isFalse();
    }
}
