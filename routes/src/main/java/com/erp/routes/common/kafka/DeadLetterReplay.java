package com.erp.routes.common.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.erp.routes.common.events.Topics;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.FieldError;
import com.erp.routes.common.web.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;

/**
 * Dead letters for operators (bean {@code deadLetterReplay}): what waits in the dead-letter topics, and replaying it
 * to the topics it came from once the cause is mended. Administrators only (REST), or the console over JMX.
 * <p>
 * What has been replayed is remembered as the committed offsets of one consumer group ({@code group}), so each
 * dead letter is replayed once; one replay at a time per instance (another gets 409), and two instances replaying
 * at the same moment may both send a message (at least once: not fenced across instances). A replay takes the
 * messages present when it starts (up to each partition's end offset then): one that fails again lands after
 * that end, as a new dead letter for a later replay, never in a loop. A message goes back unchanged, same key, to
 * its original topic, so every consumer group of that topic sees it again: the consumers are idempotent (history
 * by event id, state by sequence, a notification once per event and person, a first state only if there is
 * none), which makes that safe, and it is also why a replay that stopped half way may be run again.
 * <p>
 * Every call has one deadline ({@code timeout}, kept below the HTTP request timeout), shared by all its steps, so
 * an answer never outlives the request; what a replay did not finish in time is left for the next one.
 */
@ManagedResource(objectName = "com.erp:type=DeadLetters",
        description = "Dead-letter topics: how many messages wait, and replaying them to their original topics")
public class DeadLetterReplay implements DisposableBean {

    /** Marks a replayed message with where it was replayed from ({@code <dlq topic>/<partition>/<offset>}). */
    public static final String H_REPLAYED_FROM = "x-dlq-replayed-from";
    static final int MAX_SHOWN_VALUE = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final KafkaClients clients;
    private final Topics topics;
    private final String group;
    private final Duration timeout;
    /** Made at the first use: most instances never list or replay, and start-up need not connect for them. */
    private Admin admin;
    private final java.util.concurrent.locks.ReentrantLock replaying = new java.util.concurrent.locks.ReentrantLock();

    public DeadLetterReplay(KafkaClients clients, Topics topics, String group, Duration timeout) {
        this.clients = clients;
        this.topics = topics;
        this.group = group;
        this.timeout = timeout;
    }

    /** One dead-letter topic: {@code pending} not replayed yet, {@code total} kept by the broker. */
    public record TopicState(String topic, String originalTopic, long pending, long total) {
    }

    /** A dead letter not replayed yet, with why it failed (its {@code x-dlq-*} headers). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic, String route,
                             String reason, String exception, String failedAt, String replayedFrom, String value,
                             boolean valueTruncated) {
    }

    public record Overview(List<TopicState> topics, List<DeadLetter> messages) {
    }

    /**
     * @param left        what was pending when the replay began and is still (it ran out of time); a new replay takes it
     * @param notReplayed why this topic's dead letters are not replayed at all (left pending), or null
     */
    public record TopicReplay(String topic, String originalTopic, long replayed, long left, String notReplayed) {
    }

    public record ReplayResult(long replayed, List<TopicReplay> topics) {
    }

    // ---- REST (administrators) --------------------------------------------------------------------------------

    /** Every dead-letter topic (or the one named) with its counts, and its oldest pending messages, up to {@code limit}. */
    public Overview overview(Caller caller, String topic, Integer limit) {
        requireAdmin(caller);
        List<String> chosen = chosen(topic);
        int max = limit == null ? 20 : Math.max(1, Math.min(100, limit));
        Deadline deadline = new Deadline(timeout);
        Offsets offsets = offsets(chosen, deadline);
        List<TopicState> states = new ArrayList<>();
        for (String dlq : chosen) {
            states.add(new TopicState(dlq, originalOf(dlq), offsets.pending(dlq), offsets.total(dlq)));
        }
        return new Overview(states, pendingMessages(offsets, max, deadline));
    }

    /** Replays what waits in every dead-letter topic, or in the one named. */
    public ReplayResult replay(Caller caller, String topic) {
        requireAdmin(caller);
        ReplayResult result = replay(chosen(topic));
        LOG.warn("{} replayed {} dead letters: {}", caller.username(), result.replayed(), result.topics());
        return result;
    }

    // ---- console (JMX) ----------------------------------------------------------------------------------------

    /** An operation, not an attribute: consoles read attributes on their own, and this asks the broker. */
    @ManagedOperation(description = "How many dead letters wait to be replayed, over all dead-letter topics")
    public long countPending() {
        Offsets offsets = offsets(dlqTopics(), new Deadline(timeout));
        return dlqTopics().stream().mapToLong(offsets::pending).sum();
    }

    @ManagedOperation(description = "Replay the dead letters of one topic (e.g. approval.decided.dlq), or of all when blank")
    public String replayTopic(String topic) {
        ReplayResult result = replay(chosen(topic == null || topic.isBlank() ? null : topic.strip()));
        LOG.warn("the console replayed {} dead letters: {}", result.replayed(), result.topics());
        return result.replayed() + " replayed: " + result.topics();
    }

    // ---- the work -----------------------------------------------------------------------------------------------

    private ReplayResult replay(List<String> chosen) {
        if (!replaying.tryLock()) {
            throw ProblemException.conflict("A replay is running on this instance; try again when it has finished.");
        }
        try {
            return replayLocked(chosen, new Deadline(timeout));
        } finally {
            replaying.unlock();
        }
    }

    /**
     * Why a topic's dead letters are not replayed, or null. A compacted topic's last record of a key is the state
     * (a delegation, a revocation): an old record sent again would become the last and replace a newer one, which
     * compaction then drops for good. Its dead letters stay for reading; the state is put right at its source.
     */
    private String notReplayed(String dlq) {
        return topics.compacted().contains(originalOf(dlq))
                ? originalOf(dlq) + " keeps each key's last record as its state: an old one sent again would replace a "
                        + "newer one. Put the state right where it is made (e.g. set the delegation again)."
                : null;
    }

    private ReplayResult replayLocked(List<String> all, Deadline deadline) {
        List<String> chosen = all.stream().filter(t -> notReplayed(t) == null).toList();
        List<String> kept = all.stream().filter(t -> notReplayed(t) != null).toList();
        // read once for all; only the chosen topics' partitions are replayed
        Offsets offsets = offsets(all, deadline);
        Map<String, Long> replayed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        KafkaConsumer<String, String> consumer = null;
        KafkaProducer<String, String> producer = null;
        try {
            List<TopicPartition> partitions = offsets.withPending().stream()
                    .filter(tp -> chosen.contains(tp.topic())).toList();
            consumer = consumer(deadline);
            producer = producer(deadline);
            if (!partitions.isEmpty()) {
                consumer.assign(partitions);
                for (TopicPartition tp : partitions) {
                    consumer.seek(tp, offsets.from(tp));
                }
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                Map<TopicPartition, Long> reached = new HashMap<>();
                // half the time for reading and sending, the rest for the broker to acknowledge and the commit
                Deadline reading = deadline.part(0.5);
                while (reached.size() < partitions.size() && !reading.passed()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(reading.upTo(Duration.ofMillis(200)))) {
                        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                        if (r.offset() >= offsets.end(tp)) {
                            continue; // dead-lettered after this replay began: the next replay's
                        }
                        sends.add(producer.send(replayOf(r)));
                        replayed.merge(r.topic(), 1L, Long::sum);
                        done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                    }
                    for (TopicPartition tp : partitions) {
                        if (!reached.containsKey(tp) && position(consumer, tp, deadline) >= offsets.end(tp)) {
                            reached.put(tp, offsets.end(tp));
                            // read to the end: remembered at the end, even if it held nothing to send (a gap)
                            done.put(tp, new OffsetAndMetadata(offsets.end(tp)));
                        }
                    }
                }
                for (Future<RecordMetadata> send : sends) {
                    send.get(deadline.left().toMillis(), TimeUnit.MILLISECONDS);
                }
                // only what the broker took is remembered as replayed; a failure leaves all of it for another try
                if (!done.isEmpty()) {
                    consumer.commitSync(done, deadline.left());
                }
            }
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw ProblemException.unavailable("The broker did not take the replay (" + e.getMessage()
                    + "); nothing was marked replayed. Try again once Kafka is reachable.", 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("The replay was interrupted; nothing was marked replayed.", 5);
        } finally {
            // not the clients' own close timeouts (30 s, unbounded): a send still open is abandoned, its record
            // not marked replayed
            Duration closing = Duration.ofMillis(Math.max(100, deadline.left().toMillis()));
            if (producer != null) {
                producer.close(closing);
            }
            if (consumer != null) {
                consumer.close(closing);
            }
        }
        List<TopicReplay> perTopic = new ArrayList<>(chosen.stream()
                .map(t -> new TopicReplay(t, originalOf(t), replayed.getOrDefault(t, 0L),
                        Math.max(0, offsets.pending(t) - replayed.getOrDefault(t, 0L)), null)).toList());
        kept.forEach(t -> perTopic.add(new TopicReplay(t, originalOf(t), 0, offsets.pending(t), notReplayed(t))));
        return new ReplayResult(perTopic.stream().mapToLong(TopicReplay::replayed).sum(), perTopic);
    }

    private ProducerRecord<String, String> replayOf(ConsumerRecord<String, String> dead) {
        String original = header(dead, DeadLetters.H_ORIGINAL_TOPIC);
        ProducerRecord<String, String> record = new ProducerRecord<>(original != null ? original : originalOf(dead.topic()),
                dead.key(), dead.value());
        for (Header h : dead.headers()) {
            // the failure description stays with the dead letter; the message goes back as it was first sent
            if (!h.key().startsWith("x-dlq-")) {
                record.headers().add(h);
            }
        }
        record.headers().add(H_REPLAYED_FROM,
                (dead.topic() + "/" + dead.partition() + "/" + dead.offset()).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private List<DeadLetter> pendingMessages(Offsets offsets, int max, Deadline deadline) {
        List<TopicPartition> partitions = offsets.withPending();
        if (partitions.isEmpty()) {
            return List.of();
        }
        List<DeadLetter> found = new ArrayList<>();
        KafkaConsumer<String, String> consumer = consumer(deadline);
        try {
            consumer.assign(partitions);
            partitions.forEach(tp -> consumer.seek(tp, offsets.from(tp)));
            Map<TopicPartition, Integer> taken = new HashMap<>();
            // at most max from each partition: enough to pick the oldest max overall
            while (!deadline.passed() && partitions.stream().anyMatch(tp ->
                    taken.getOrDefault(tp, 0) < max && position(consumer, tp, deadline) < offsets.end(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(deadline.upTo(Duration.ofMillis(200)))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < offsets.end(tp) && taken.merge(tp, 1, Integer::sum) <= max) {
                        found.add(describe(r));
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw ProblemException.unavailable("Kafka did not answer (" + e.getMessage() + ").", 5);
        } finally {
            consumer.close(Duration.ofMillis(Math.max(100, deadline.left().toMillis())));
        }
        return found.stream().sorted(Comparator.comparing((DeadLetter d) -> d.failedAt() == null ? "" : d.failedAt())
                .thenComparing(DeadLetter::topic).thenComparing(DeadLetter::offset)).limit(max).toList();
    }

    /** The consumer's position, or -1 when finding it out did not fit in the time left (the caller stops there). */
    private static long position(KafkaConsumer<String, String> consumer, TopicPartition tp, Deadline deadline) {
        try {
            return consumer.position(tp, deadline.left());
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return -1;
        }
    }

    private static DeadLetter describe(ConsumerRecord<String, String> r) {
        String value = r.value();
        boolean truncated = value != null && value.length() > MAX_SHOWN_VALUE;
        return new DeadLetter(r.topic(), r.partition(), r.offset(), r.key(), header(r, DeadLetters.H_ORIGINAL_TOPIC),
                header(r, DeadLetters.H_ROUTE), header(r, DeadLetters.H_REASON), header(r, DeadLetters.H_EXCEPTION),
                header(r, DeadLetters.H_FAILED_AT), header(r, H_REPLAYED_FROM),
                truncated ? value.substring(0, MAX_SHOWN_VALUE) : value, truncated);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Per partition of the chosen topics: where replaying starts (the group's offset, else the earliest kept) and ends. */
    private record Offsets(Map<TopicPartition, Long> start, Map<TopicPartition, Long> earliest, Map<TopicPartition, Long> ends) {

        long from(TopicPartition tp) {
            long first = earliest.getOrDefault(tp, 0L);
            Long done = start.get(tp);
            // past the end: the topic was made anew, and what it holds now has not been replayed
            return done == null || done > end(tp) ? first : Math.max(done, first);
        }

        long end(TopicPartition tp) {
            return ends.getOrDefault(tp, 0L);
        }

        long pending(String topic) {
            return ends.keySet().stream().filter(tp -> tp.topic().equals(topic)).mapToLong(tp -> Math.max(0, end(tp) - from(tp))).sum();
        }

        long total(String topic) {
            return ends.keySet().stream().filter(tp -> tp.topic().equals(topic))
                    .mapToLong(tp -> Math.max(0, end(tp) - earliest.getOrDefault(tp, 0L))).sum();
        }

        List<TopicPartition> withPending() {
            return ends.keySet().stream().filter(tp -> end(tp) > from(tp))
                    .sorted(Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition)).toList();
        }
    }

    /** A topic that does not exist (not created yet, where topics are made elsewhere) counts as empty. */
    private Offsets offsets(List<String> chosen, Deadline deadline) {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            Admin admin = admin();
            for (var described : admin.describeTopics(chosen).topicNameValues().entrySet()) {
                try {
                    described.getValue().get(deadline.left().toMillis(), TimeUnit.MILLISECONDS).partitions()
                            .forEach(p -> partitions.add(new TopicPartition(described.getKey(), p.partition())));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
            }
            if (partitions.isEmpty()) {
                return new Offsets(Map.of(), Map.of(), Map.of());
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            partitions.forEach(tp -> {
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            });
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(deadline.left().toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            Map<TopicPartition, Long> firsts = new HashMap<>();
            admin.listOffsets(earliest).all().get(deadline.left().toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> firsts.put(tp, info.offset()));
            Map<TopicPartition, Long> start = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(deadline.left().toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((tp, offset) -> {
                        if (offset != null && chosen.contains(tp.topic())) {
                            start.put(tp, offset.offset());
                        }
                    });
            return new Offsets(start, firsts, ends);
        } catch (ExecutionException | TimeoutException e) {
            throw ProblemException.unavailable("Kafka did not answer (" + e.getMessage() + ").", 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while asking Kafka.", 5);
        }
    }

    private List<String> dlqTopics() {
        return topics.all().stream().map(topics::dlqOf).toList();
    }

    private List<String> chosen(String topic) {
        if (topic == null) {
            return dlqTopics();
        }
        if (!dlqTopics().contains(topic)) {
            throw ProblemException.badRequest("Not a dead-letter topic: " + topic + ". They are " + dlqTopics() + ".",
                    List.of(new FieldError("topic", "is one of " + dlqTopics())));
        }
        return List.of(topic);
    }

    private String originalOf(String dlq) {
        return dlq.substring(0, dlq.length() - topics.dlqSuffix().length());
    }

    private static void requireAdmin(Caller caller) {
        if (caller == null || !caller.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may read or replay dead letters.");
        }
    }

    /** One call's time budget, shared by every step of it. */
    private record Deadline(long at) {

        Deadline(Duration budget) {
            this(System.nanoTime() + budget.toNanos());
        }

        Duration left() {
            return Duration.ofNanos(Math.max(0, at - System.nanoTime()));
        }

        boolean passed() {
            return System.nanoTime() >= at;
        }

        Duration upTo(Duration most) {
            Duration left = left();
            return left.compareTo(most) < 0 ? left : most;
        }

        Deadline part(double share) {
            return new Deadline(System.nanoTime() + (long) ((at - System.nanoTime()) * share));
        }
    }

    private KafkaConsumer<String, String> consumer(Deadline deadline) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(100, deadline.left().toMillis()));
        return clients.consumer(p);
    }

    private KafkaProducer<String, String> producer(Deadline deadline) {
        long left = Math.max(100, deadline.left().toMillis());
        long request = Math.min(left, 5000);
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, left);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request);
        // the client refuses a delivery timeout below linger + request timeout
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(left, request));
        return clients.producer(p);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = clients.admin(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
