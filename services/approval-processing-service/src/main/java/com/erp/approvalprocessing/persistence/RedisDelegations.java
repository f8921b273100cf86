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
 * {@code erp:delegation:<approver id>} holds the approver's last event while it has a deputy and is not over, and
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
        String value = redis.opsForValue().get(RedisKeys.delegation(approverId));
        return Optional.ofNullable(value).map(this::read);
    }

    /** Keeps the approver's delegation as the event says it now is. */
    public void apply(DelegationEvent event) {
        if (event.approver() == null || event.deputy() != null && (event.startDate() == null || event.endDate() == null)) {
            throw new InvalidEventException("a delegation event without an approver, or with a deputy but no days");
        }
        long approverId = event.approver().id();
        Long previousDeputy = of(approverId).map(DelegationEvent::deputy).map(Person::id).orElse(null);
        boolean gone = event.isOverBy(today());
        Long deputy = gone ? null : event.deputy().id();
        if (previousDeputy != null && !Objects.equals(previousDeputy, deputy)) {
            redis.opsForSet().remove(RedisKeys.deputyOf(previousDeputy), String.valueOf(approverId));
        }
        if (gone) {
            redis.delete(RedisKeys.delegation(approverId));
        } else {
            redis.opsForValue().set(RedisKeys.delegation(approverId), write(event));
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
