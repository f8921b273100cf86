package com.erp.routes.common.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

/**
 * Camel's Kafka client factory ({@code camel.component.kafka.kafka-client-factory}), giving every {@code kafka:}
 * endpoint of a process that sends with the same settings one Kafka producer instead of one each. Camel makes a
 * producer per endpoint (and per topic a {@code toD} reaches): employee-service had six, each with its network
 * thread, buffer pool, metrics and logged configuration, for a few messages a second together. A Kafka producer is
 * thread-safe and meant to be shared; one batches the topics together and keeps each partition's order as before.
 *
 * <p>Each endpoint holds a lease: closing it (a route stopped from the console, the shutdown) flushes what was sent
 * through the producer and lets go; the last lease closes the producer, so a stopped Camel context leaves no client
 * behind and the next start makes a fresh one. A transactional producer (none today) is never shared: its
 * transactions are its own. Consumers are made as Camel makes them, one per consumer thread. Camel's per-producer
 * health check (off unless {@code camel.health.producers-enabled}) cannot look into a lease and reports it ready;
 * the broker's health is the {@code kafka} health contributor's ({@link KafkaHealthIndicator}).
 */
public final class SharedKafkaProducers extends DefaultKafkaClientFactory {

    private final Function<Properties, Producer<Object, Object>> maker;
    /** Per distinct settings: the producer and how many leases hold it. */
    private final Map<Map<Object, Object>, Shared> shared = new HashMap<>();

    public SharedKafkaProducers() {
        this(KafkaProducer::new);
    }

    SharedKafkaProducers(Function<Properties, Producer<Object, Object>> maker) {
        this.maker = maker;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Producer getProducer(Properties settings) {
        if (settings.getProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG) != null) {
            return maker.apply(settings);
        }
        Map<Object, Object> key = new HashMap<>(settings);
        synchronized (shared) {
            Shared one = shared.computeIfAbsent(key, k -> new Shared(maker.apply(settings)));
            one.leases++;
            return new Lease(key, one);
        }
    }

    /** How many producers are open (one per distinct settings in use). */
    public int open() {
        synchronized (shared) {
            return shared.size();
        }
    }

    /** How many endpoints hold one of them. */
    public int leases() {
        synchronized (shared) {
            return shared.values().stream().mapToInt(s -> s.leases).sum();
        }
    }

    private static final class Shared {
        final Producer<Object, Object> producer;
        int leases;

        Shared(Producer<Object, Object> producer) {
            this.producer = producer;
        }
    }

    /** One endpoint's hold on a shared producer: everything but closing goes to the producer itself. */
    private final class Lease implements Producer<Object, Object> {
        private final Map<Object, Object> key;
        private final Shared one;
        private boolean released;

        Lease(Map<Object, Object> key, Shared one) {
            this.key = key;
            this.one = one;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<Object, Object> message) {
            return one.producer.send(message);
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<Object, Object> message, Callback callback) {
            return one.producer.send(message, callback);
        }

        @Override
        public void flush() {
            one.producer.flush();
        }

        @Override
        public List<PartitionInfo> partitionsFor(String topic) {
            return one.producer.partitionsFor(topic);
        }

        @Override
        public Map<MetricName, ? extends Metric> metrics() {
            return one.producer.metrics();
        }

        @Override
        public Uuid clientInstanceId(Duration timeout) {
            return one.producer.clientInstanceId(timeout);
        }

        @Override
        public void close() {
            close(Duration.ofMillis(Long.MAX_VALUE));
        }

        @Override
        public void close(Duration timeout) {
            boolean last;
            synchronized (shared) {
                if (released) {
                    return;
                }
                released = true;
                last = --one.leases == 0;
                if (last) {
                    shared.remove(key);
                }
            }
            if (last) {
                one.producer.close(timeout);
            } else {
                // what this endpoint sent is delivered (or failed) before it is called closed, as with a producer
                // of its own; bounded by delivery.timeout.ms
                one.producer.flush();
            }
        }

        // Transactions need a producer of their own, which getProducer gives when a transactional.id is set.

        @Override
        public void initTransactions() {
            throw shared();
        }

        @Override
        public void beginTransaction() {
            throw shared();
        }

        @Override
        @Deprecated
        public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, String group) {
            throw shared();
        }

        @Override
        public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
            throw shared();
        }

        @Override
        public void commitTransaction() {
            throw shared();
        }

        @Override
        public void abortTransaction() {
            throw shared();
        }

        private IllegalStateException shared() {
            return new IllegalStateException("a shared Kafka producer has no transactions: give the endpoint a transactional.id");
        }
    }
}
