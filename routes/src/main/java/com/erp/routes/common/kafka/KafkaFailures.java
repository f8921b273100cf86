package com.erp.routes.common.kafka;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/** Tells apart the ways a send to Kafka fails. */
public final class KafkaFailures {

    private KafkaFailures() {
    }

    /**
     * Whether Kafka refused this one record for good: too large for its topic, a record it cannot take or that cannot
     * be serialised; sending it again changes nothing, while the records behind it (smaller, other) still go. Not: the
     * broker away or slow, a leader moving, a topic not known yet (all retriable), nor what concerns a topic or the
     * setup rather than the record (a missing ACL, a topic name the broker rejects, credentials): those fail every
     * record alike and pass once the setup is mended, when the records should simply go, as they would have.
     */
    public static boolean refusedForGood(Throwable failure) {
        return refused(failure, false);
    }

    /**
     * Whether the broker (or the client, before sending) answered about this record or its topic, which other records
     * and topics need not share: what {@link #refusedForGood} names, a topic the service may not write to, a topic
     * name the broker rejects. Not: the broker away or slow, a leader moving (all retriable), nor what fails every
     * record alike (credentials, a cluster ACL, a fenced producer), nor a failure that is not Kafka's.
     */
    public static boolean answered(Throwable failure) {
        return refused(failure, true);
    }

    private static boolean refused(Throwable failure, boolean topicsToo) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof RetriableException) {
                return false;
            }
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException || t instanceof SerializationException
                    || topicsToo && (t instanceof TopicAuthorizationException || t instanceof InvalidTopicException)) {
                return true;
            }
        }
        return false;
    }
}
