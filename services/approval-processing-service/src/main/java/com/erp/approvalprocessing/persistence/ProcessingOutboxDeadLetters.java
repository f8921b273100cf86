package com.erp.approvalprocessing.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.erp.routes.common.kafka.DeadLetters;
import com.erp.routes.common.kafka.OutboxEntry;
import com.erp.routes.common.redis.LuaScripts;
import com.erp.routes.common.redis.RedisKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;

/**
 * approval-processing's outbox entries Kafka refused for good (bean {@code processingOutboxDeadLetters};
 * {@code KafkaFailures.refusedForGood}: too large for its topic, say). Tried again every look, such an entry would
 * warn for ever and hold its document's later events back; it is set aside in {@code erp:processing:outbox:dead}
 * with why, and the document's later events go. An operator counts and replays them from the console once the cause
 * is mended (the topic's size limit raised): a replay puts them back at the end of the outbox, oldest first, and the
 * relay publishes them (approval-request keeps a document's newest state by its sequence, so a late event changes no
 * state; the people concerned are told late).
 */
@ManagedResource(objectName = "com.erp:type=OutboxDeadLetters,service=approval-processing",
        description = "approval-processing's outbox entries Kafka refused for good: how many, and replaying them")
public class ProcessingOutboxDeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingOutboxDeadLetters.class);
    private static final int PAGE = 500;
    private static final List<String> REPLAY_KEYS = List.of(RedisKeys.PROCESSING_OUTBOX,
            RedisKeys.PROCESSING_OUTBOX_ORDER, RedisKeys.PROCESSING_OUTBOX_SEQUENCE, RedisKeys.PROCESSING_OUTBOX_DEAD,
            RedisKeys.PROCESSING_OUTBOX_DEAD_REASONS);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Clock clock;
    private final Runnable relayLooksSoon;
    private final RedisScript<Long> buryScript = LuaScripts.fromClasspath("redis/bury-outbox-entry.lua", Long.class);
    private final RedisScript<Long> replayScript = LuaScripts.fromClasspath("redis/replay-dead-outbox.lua", Long.class);

    /** @param relayLooksSoon tells the outbox's relay that a replay put entries back (it may be looking seldom) */
    public ProcessingOutboxDeadLetters(StringRedisTemplate redis, ObjectMapper json, Clock clock,
                                       Runnable relayLooksSoon) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.relayLooksSoon = relayLooksSoon;
    }

    /** Why and when Kafka refused an entry, as kept beside it. */
    public record Reason(String reason, java.time.Instant failedAt) {
    }

    /** Sets aside an entry Kafka refused for good (nothing if it was published or set aside meanwhile). */
    public void keep(OutboxEntry entry, Throwable failure) {
        String reason = DeadLetters.shortReason(failure);
        Long kept = redis.execute(buryScript, List.of(RedisKeys.PROCESSING_OUTBOX, RedisKeys.PROCESSING_OUTBOX_ORDER,
                        RedisKeys.processingHeld(entry.approvalId()), RedisKeys.PROCESSING_OUTBOX_DEAD,
                        RedisKeys.PROCESSING_OUTBOX_DEAD_REASONS),
                entry.eventId(), write(new Reason(reason, clock.instant())));
        if (kept != null && kept == 1L) {
            LOG.warn("Kafka refused outbox event {} of {} ({}) for good, set aside in {} for a replay: {}",
                    entry.eventId(), entry.approvalId(), entry.topic(), RedisKeys.PROCESSING_OUTBOX_DEAD, reason);
        }
    }

    @ManagedOperation(description = "How many outbox entries Kafka refused for good wait to be replayed")
    public long count() {
        return redis.opsForHash().size(RedisKeys.PROCESSING_OUTBOX_DEAD);
    }

    @ManagedOperation(description = "Why and when Kafka refused each entry waiting to be replayed, by event id")
    public Map<String, String> reasons() {
        Map<String, String> reasons = new java.util.TreeMap<>();
        redis.opsForHash().entries(RedisKeys.PROCESSING_OUTBOX_DEAD_REASONS).forEach((eventId, stored) -> {
            Reason reason = read(stored.toString(), Reason.class);
            reasons.put(eventId.toString(), reason.failedAt() + " " + reason.reason());
        });
        return reasons;
    }

    @ManagedOperation(description = "Puts the refused outbox entries back at the end of the outbox, oldest first, to "
            + "be published again; returns how many went back")
    public long replay() {
        List<OutboxEntry> dead = new ArrayList<>();
        try (Cursor<Map.Entry<Object, Object>> entries = redis.opsForHash().scan(RedisKeys.PROCESSING_OUTBOX_DEAD,
                ScanOptions.scanOptions().count(PAGE).build())) {
            entries.forEachRemaining(e -> dead.add(read(e.getValue().toString(), OutboxEntry.class)));
        }
        // by when they were stored, a change's events (of one instant) by their sequence: the relay meets a
        // document's events in the order of its changes
        Map<OutboxEntry, Long> sequences = new java.util.HashMap<>();
        dead.forEach(e -> sequences.put(e, RedisOutbox.sequence(json, e)));
        dead.sort(Comparator.comparing(OutboxEntry::createdAt).thenComparing(sequences::get));
        long back = 0;
        for (int from = 0; from < dead.size(); from += PAGE) {
            Object[] ids = dead.subList(from, Math.min(dead.size(), from + PAGE)).stream().map(OutboxEntry::eventId)
                    .toArray();
            Long page = redis.execute(replayScript, REPLAY_KEYS, ids);
            back += page == null ? 0 : page;
        }
        if (back > 0) {
            relayLooksSoon.run();
        }
        LOG.info("replayed {} outbox entries Kafka had refused", back);
        return back;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
