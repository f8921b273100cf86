package com.erp.approvalprocessing.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.erp.approvalprocessing.domain.Delegations;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.redis.LuaScripts;
import com.erp.routes.common.redis.RedisKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The delegations (대결) employee-service publishes (bean {@code delegations}): kept in Redis, in the hash
 * {@code erp:delegations} (each approver's last event, also one that ended the delegation), and read from memory.
 * Every step activation asks for its approvers' deputies, and a Redis read there was one more round trip on the
 * consumer's thread for each document, while delegations change a few times a day. Each instance keeps a copy of the whole hash and reads it again when
 * {@code erp:delegations:revision}, raised with every change (one script), moves: at once on the instance that
 * applied the change, within a refresh period (route {@code approval-processing.delegations-refresh}) on the others.
 */
public class RedisDelegations implements Delegations {

    /** One reading of the hash: each approver's last event, and the events naming each deputy. */
    private record Known(long revision, Map<Long, DelegationEvent> byApprover, Map<Long, List<DelegationEvent>> byDeputy) {

        /** This reading with one approver's event replaced, at the revision that change made. */
        Known with(DelegationEvent event, long newRevision) {
            Map<Long, DelegationEvent> events = new HashMap<>(byApprover);
            events.put(event.approver().id(), event);
            return of(newRevision, events.values());
        }

        static Known of(long revision, Collection<DelegationEvent> events) {
            return new Known(revision,
                    events.stream().collect(Collectors.toUnmodifiableMap(e -> e.approver().id(), Function.identity())),
                    events.stream().filter(e -> e.deputy() != null)
                            .collect(Collectors.groupingBy(e -> e.deputy().id(), Collectors.toUnmodifiableList())));
        }
    }

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    /** Null until first needed; then replaced whole, so readers never see half of a reading. */
    private volatile Known known;
    private final RedisScript<Long> applyScript = LuaScripts.fromClasspath("redis/apply-delegation.lua", Long.class);

    public RedisDelegations(StringRedisTemplate redis, ObjectMapper json, Clock clock, ZoneId zone) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Optional<DelegationEvent> of(long approverId) {
        return Optional.ofNullable(known().byApprover().get(approverId)).filter(d -> d.deputy() != null);
    }

    /** The approvers {@code deputyId} decides for today. */
    public List<Person> actingFor(long deputyId) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return known().byDeputy().getOrDefault(deputyId, List.of()).stream()
                .filter(d -> d.delegatesTo(deputyId, today)).map(DelegationEvent::approver).toList();
    }

    /**
     * Keeps the approver's delegation as the event says it now is, unless what is kept is as new or newer (an old
     * event replayed or redelivered, or applied late by an instance handing the approver's partition over in a
     * rebalance): compared in the same script as the write. The revision is raised there too: an instance that sees
     * it raised reads the change.
     */
    public void apply(DelegationEvent event) {
        event.checked();
        String approver = String.valueOf(event.approver().id());
        // an ended delegation is kept too: its revision turns away older events (compared in the script)
        Long revision = redis.execute(applyScript, List.of(RedisKeys.DELEGATIONS, RedisKeys.DELEGATIONS_REVISION),
                approver, write(event), String.valueOf(event.revision()));
        if (revision == null || revision < 0) {
            return; // not newer than what is kept
        }
        learn(event, revision);
    }

    /**
     * This instance's copy after its own change: the one entry replaced when the copy was current just before it (no
     * need to read the whole hash for each event, as when a topic is read again from its start), else read again.
     */
    private synchronized void learn(DelegationEvent event, long revision) {
        if (known != null && known.revision() == revision - 1) {
            known = known.with(event, revision);
        } else {
            refresh();
        }
    }

    /** Reads the hash again if any instance changed it since the last reading. */
    public synchronized void refresh() {
        String value = redis.opsForValue().get(RedisKeys.DELEGATIONS_REVISION);
        long revision = value == null ? 0 : Long.parseLong(value);
        if (known != null && known.revision() == revision) {
            return;
        }
        // a change between the two reads is in the entries already, or raises the revision again for the next time
        known = Known.of(revision, redis.opsForHash().entries(RedisKeys.DELEGATIONS).values().stream()
                .map(v -> read(v.toString())).toList());
    }

    private Known known() {
        Known current = known;
        if (current == null) {
            refresh();
            current = known;
        }
        return current;
    }

    private String write(DelegationEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private DelegationEvent read(String value) {
        try {
            return json.readValue(value, DelegationEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable delegation in Redis", e);
        }
    }
}
