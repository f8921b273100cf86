package com.erp.approvalprocessing.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.erp.approvalprocessing.domain.Delegations;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.kafka.InvalidEventException;
import com.erp.routes.common.redis.RedisKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The delegations (대결) employee-service publishes, kept in Redis (bean {@code delegations}):
 * {@code erp:delegation:<approver id>} holds the approver's last event (also one that ended it), and
 * {@code erp:deputy-of:<deputy id>} the approvers naming that deputy, so the deputy's inbox can show their steps.
 * Events arrive in order for each approver (the Kafka key), and each is the whole delegation, so applying one again
 * changes nothing.
 */
public class RedisDelegations implements Delegations {

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;

    public RedisDelegations(StringRedisTemplate redis, ObjectMapper json, Clock clock, ZoneId zone) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Optional<DelegationEvent> of(long approverId) {
        return stored(approverId).filter(d -> d.deputy() != null);
    }

    /** The approver's last event, also one that ended the delegation (kept for its revision); empty if none. */
    private Optional<DelegationEvent> stored(long approverId) {
        String value = redis.opsForValue().get(RedisKeys.delegation(approverId));
        return Optional.ofNullable(value).map(this::read);
    }

    /**
     * Keeps the approver's delegation as the event says it now is, unless what is kept is as new or newer (an old
     * event replayed or redelivered). One consumer applies an approver's events (they share a partition), so reading
     * and writing need no lock.
     */
    public void apply(DelegationEvent event) {
        if (event.approver() == null || event.deputy() != null && (event.startDate() == null || event.endDate() == null)) {
            throw new InvalidEventException("a delegation event without an approver, or with a deputy but no days");
        }
        long approverId = event.approver().id();
        Optional<DelegationEvent> stored = stored(approverId);
        if (!event.supersedes(stored.orElse(null))) {
            return;
        }
        Long previousDeputy = stored.map(DelegationEvent::deputy).map(Person::id).orElse(null);
        Long deputy = event.deputy() == null || event.isOverBy(today()) ? null : event.deputy().id();
        if (previousDeputy != null && !Objects.equals(previousDeputy, deputy)) {
            redis.opsForSet().remove(RedisKeys.deputyOf(previousDeputy), String.valueOf(approverId));
        }
        // an ended delegation is kept too: its revision turns away older events
        redis.opsForValue().set(RedisKeys.delegation(approverId), write(event));
        if (deputy != null) {
            redis.opsForSet().add(RedisKeys.deputyOf(deputy), String.valueOf(approverId));
        }
    }

    /** The approvers {@code deputyId} decides for today. */
    public List<Person> actingFor(long deputyId) {
        Set<String> approvers = redis.opsForSet().members(RedisKeys.deputyOf(deputyId));
        if (approvers == null || approvers.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        return approvers.stream().map(Long::parseLong).map(this::of).flatMap(Optional::stream)
                .filter(d -> d.delegatesTo(deputyId, today)).map(DelegationEvent::approver).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
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
