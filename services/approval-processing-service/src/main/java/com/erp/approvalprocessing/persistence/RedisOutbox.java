package com.erp.approvalprocessing.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import com.erp.routes.common.kafka.OutboxEntry;
import com.erp.routes.common.kafka.OutboxPage;
import com.erp.routes.common.redis.LuaScripts;
import com.erp.routes.common.redis.RedisKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * approval-processing's outbox as the relay sees it (bean {@code processingOutbox}): the hash
 * {@code erp:processing:outbox} (event id → entry), written by the commit script together with the state, and its
 * order {@code erp:processing:outbox:order}, a sorted set of the same event ids scored by a counter the same script
 * raises. The relay reads the oldest entries with a limit instead of the whole hash, which a long Kafka outage
 * makes as large as the decisions taken meanwhile, and relays them in the order they were stored (a document's
 * events in the order of its changes, whatever the instances' clocks say).
 * <p>
 * Entries an earlier version stored without the order (during an upgrade) are adopted when the relay finds the
 * hash larger than the order: scored before everything the counter scored, by when they were stored.
 * <p>
 * A document whose event was not sent is held ({@link #hold}, {@code erp:processing:outbox:held:<id>}, the entries
 * that hold it) until that event is published: the events of its later changes are stored for the relay only, which
 * sends a document's events in order. (An event left behind by a crash, not a failure, holds nothing until the relay
 * fails to send it once.)
 */
public class RedisOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(RedisOutbox.class);
    private static final List<String> KEYS = List.of(RedisKeys.PROCESSING_OUTBOX, RedisKeys.PROCESSING_OUTBOX_ORDER);
    /** Adopted entries are scored below 0 (the counter starts at 1), and exactly: microseconds fit a double's 53 bits. */
    private static final long ADOPTED_OFFSET = 1L << 52;
    private static final int ADOPT_PAGE = 500;

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration grace;
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> dueScript = LuaScripts.fromClasspath("redis/due-outbox.lua", List.class);
    private final RedisScript<Long> removeScript = LuaScripts.fromClasspath("redis/remove-outbox-entry.lua", Long.class);
    private final RedisScript<Long> holdScript = LuaScripts.fromClasspath("redis/hold-outbox-entry.lua", Long.class);
    private final RedisScript<Long> adoptScript = LuaScripts.fromClasspath("redis/adopt-outbox-entries.lua", Long.class);

    /** @param grace how old an entry must be before the relay takes it: the route that stored it has given up */
    public RedisOutbox(StringRedisTemplate redis, ObjectMapper json, Clock clock, Duration grace) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * The entries to relay now ({@link #dueInOrder}) of the {@code batch} stored first after {@code after} (a score
     * in the order, as the last page gave it; null: from the oldest).
     */
    public OutboxPage due(int batch, String after) {
        // (OutboxRoutes keeps the batch within 1..MAX_BATCH: 0 would read the whole order, more than the script can
        // unpack in one call would fail)
        String limit = String.valueOf(batch);
        String from = after == null ? "-inf" : "(" + after;
        List<?> result = redis.execute(dueScript, KEYS, limit, from);
        if (result == null || result.size() < 3) {
            return OutboxPage.empty();
        }
        if (Long.parseLong(result.get(0).toString()) > 0) {
            if (adoptUnordered() > 0 && after != null) {
                // scored before everything, behind this look's place: a look from the front sends them first
                return OutboxPage.empty();
            }
            result = redis.execute(dueScript, KEYS, limit, from);
        }
        List<OutboxEntry> stored = new ArrayList<>(result.size());
        for (Object value : result.subList(3, result.size())) {
            stored.add(read(value.toString()));
        }
        Set<String> waiting = new HashSet<>();
        Instant dueBefore = clock.instant().minus(grace);
        List<OutboxEntry> due = dueInOrder(stored, this::sequence, dueBefore, held(stored, dueBefore), waiting);
        String last = result.get(1).toString();
        return new OutboxPage(due, Integer.parseInt(result.get(2).toString()), stored.size(), last.isEmpty() ? null : last,
                waiting);
    }

    /**
     * Of these entries, those not due by their time that are held ({@link #hold}): no request is going to send them
     * (it failed, it left them behind a failure, or it stored them behind one), so the relay need not wait the grace
     * period for them. One round trip for all their documents.
     */
    private Set<String> held(List<OutboxEntry> stored, Instant dueBefore) {
        List<String> documents = stored.stream().filter(e -> !e.createdAt().isBefore(dueBefore))
                .map(OutboxEntry::approvalId).distinct().toList();
        if (documents.isEmpty()) {
            return Set.of();
        }
        List<Object> sets = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (String document : documents) {
                connection.setCommands().sMembers(RedisKeys.processingHeld(document).getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        Set<String> held = new HashSet<>();
        for (Object members : sets) {
            if (members instanceof Set<?> ids) {
                ids.forEach(id -> held.add(id.toString()));
            }
        }
        return held;
    }

    /**
     * Of entries in the order they were stored, those stored before {@code dueBefore} or {@code held} (event ids); a
     * document's entries only up to its first that is not due yet, so that none of its events overtakes an earlier one. A document's entries go
     * by their events' sequence, in the places its entries hold: the order of storing can differ from it where an
     * earlier version stored some (adopted, scored by time, a transition's events at the same instant). The documents
     * that wait so are added to {@code waiting}.
     */
    static List<OutboxEntry> dueInOrder(List<OutboxEntry> stored, ToLongFunction<OutboxEntry> sequence,
                                        Instant dueBefore, Set<String> held, Set<String> waiting) {
        Map<String, List<OutboxEntry>> byDocument = new HashMap<>();
        for (OutboxEntry entry : stored) {
            byDocument.computeIfAbsent(entry.approvalId(), id -> new ArrayList<>()).add(entry);
        }
        Map<String, Iterator<OutboxEntry>> inSequence = new HashMap<>();
        byDocument.forEach((id, entries) -> {
            if (entries.size() > 1) {
                Map<OutboxEntry, Long> sequences = new HashMap<>();
                entries.forEach(e -> sequences.put(e, sequence.applyAsLong(e)));
                entries.sort(Comparator.comparing(sequences::get)); // stable: equal ones keep the order of storing
            }
            inSequence.put(id, entries.iterator());
        });
        List<OutboxEntry> due = new ArrayList<>();
        for (OutboxEntry place : stored) {
            OutboxEntry entry = inSequence.get(place.approvalId()).next();
            if (waiting.contains(entry.approvalId())) {
                continue;
            }
            if (entry.createdAt().isBefore(dueBefore) || held.contains(entry.eventId())) {
                due.add(entry);
            } else {
                waiting.add(entry.approvalId());
            }
        }
        return due;
    }

    private long sequence(OutboxEntry entry) {
        return sequence(json, entry);
    }

    /** The sequence of the event an entry publishes (its payload is the event). */
    static long sequence(ObjectMapper json, OutboxEntry entry) {
        try {
            return json.readTree(entry.payload()).path("sequence").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an entry Kafka acknowledged (from its document's held entries too). */
    public void published(OutboxEntry entry) {
        redis.execute(removeScript, List.of(RedisKeys.PROCESSING_OUTBOX, RedisKeys.PROCESSING_OUTBOX_ORDER,
                RedisKeys.processingHeld(entry.approvalId())), entry.eventId());
    }

    /**
     * Holds the document of an entry that was not sent (it failed, or an earlier one of its document did): until the
     * relay published it, the document's later changes leave their events in the outbox behind it
     * ({@link RedisApprovalStore#commit}), instead of publishing them at once, ahead of it.
     */
    public void hold(OutboxEntry entry) {
        redis.execute(holdScript, List.of(RedisKeys.PROCESSING_OUTBOX, RedisKeys.processingHeld(entry.approvalId())),
                entry.eventId());
    }

    /** Puts the entries the order lacks into it (stored by a version before it), a page at a time; how many. */
    long adoptUnordered() {
        long adopted = 0;
        List<String> page = new ArrayList<>(2 * ADOPT_PAGE);
        try (Cursor<Map.Entry<Object, Object>> entries = redis.opsForHash().scan(RedisKeys.PROCESSING_OUTBOX,
                ScanOptions.scanOptions().count(ADOPT_PAGE).build())) {
            while (entries.hasNext()) {
                OutboxEntry entry = read(entries.next().getValue().toString());
                page.add(String.valueOf(adoptedScore(entry.createdAt())));
                page.add(entry.eventId());
                if (page.size() == 2 * ADOPT_PAGE) {
                    adopted += adopt(page);
                }
            }
        }
        adopted += adopt(page);
        if (adopted > 0) {
            LOG.info("the outbox relay adopted {} entries stored without an order (by an earlier version)", adopted);
        }
        return adopted;
    }

    static long adoptedScore(Instant createdAt) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) - ADOPTED_OFFSET;
    }

    private long adopt(List<String> page) {
        if (page.isEmpty()) {
            return 0;
        }
        Long adopted = redis.execute(adoptScript, KEYS, page.toArray());
        page.clear();
        return adopted == null ? 0 : adopted;
    }

    private OutboxEntry read(String value) {
        try {
            return json.readValue(value, OutboxEntry.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
