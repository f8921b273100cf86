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
     * Whether Kafka refused this one record for good: too large, not allowed on its topic, a topic name it rejects,
     * a record it cannot take; sending it again changes nothing until someone changes the record or the cluster,
     * while records for other topics (or smaller ones) still go. Not: the broker away or slow, a leader moving, a
     * topic not known yet (all retriable), nor what fails every record alike (credentials, the cluster's own
     * authorisation), where waiting is all a sender can do.
     */
    public static boolean refusedForGood(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof RetriableException) {
                return false;
            }
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof TopicAuthorizationException || t instanceof InvalidTopicException
                    || t instanceof InvalidRecordException || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }
}
