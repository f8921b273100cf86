package com.erp.employee.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.erp.employee.domain.OutboxMessage;
import com.erp.routes.common.kafka.DeadLetters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox rows Kafka refused for good (bean {@code outboxDeadLetters}; {@code KafkaFailures.refusedForGood}): the
 * relay (route employee.outbox) moves such a row to {@code employee_outbox_dead} with the reason and goes on, so the
 * rows behind it, token revocations among them, are not held up by one that will never go. An operator counts and
 * replays them from the console once the cause is mended (the topic's size limit raised, say): a replay puts them
 * back at the end of the outbox, after what was stored since (their consumers keep a state by version or ignore an
 * event id seen before), except a delegation's or a revocation's that a newer one of the same key replaced.
 */
@ManagedResource(objectName = "com.erp:type=OutboxDeadLetters,service=employee",
        description = "employee-service's outbox rows Kafka refused for good: how many, and replaying them")
public class OutboxDeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDeadLetters.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectMapper json;

    public OutboxDeadLetters(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, ObjectMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Keeps a row Kafka refused for good; the relay then deletes it from the outbox. In the relay's transaction where
     * there is one; a row kept twice (the delete lost) is kept once.
     */
    public void keep(OutboxMessage row, Throwable failure) {
        String reason = DeadLetters.shortReason(failure); // the column holds as much
        jdbc.update("insert ignore into employee_outbox_dead (event_id, kind, message_key, payload, created_at, "
                        + "traceparent, reason, failed_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                row.getEventId(), row.getKind().name(), row.getMessageKey(), row.getPayload(),
                Timestamp.from(row.getCreatedAt()), row.traceparent(),
                reason, Timestamp.from(clock.instant()));
        LOG.warn("Kafka refused outbox event {} ({} {}) for good, kept in employee_outbox_dead for a replay: {}",
                row.getEventId(), row.getKind(), row.getMessageKey(), reason);
    }

    @ManagedOperation(description = "How many outbox rows Kafka refused for good wait to be replayed")
    public long count() {
        Long count = jdbc.queryForObject("select count(*) from employee_outbox_dead", Long.class);
        return count == null ? 0 : count;
    }

    @ManagedOperation(description = "Puts the refused outbox rows back into the outbox (at its end), to be published "
            + "again, except a delegation's or a revocation's that a newer one replaced; returns how many went back")
    public long replay() {
        long[] dropped = {0};
        Integer replayed = tx.execute(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList("select id, event_id, kind, message_key, payload "
                    + "from employee_outbox_dead order by id for update");
            int back = 0;
            for (Map<String, Object> row : rows) {
                long id = ((Number) row.get("id")).longValue();
                if (superseded(OutboxMessage.Kind.valueOf(row.get("kind").toString()), row.get("message_key").toString(),
                        row.get("payload").toString())) {
                    dropped[0]++;
                } else {
                    // an event that is in the outbox again already (a replay that half ran) stays there once
                    back += jdbc.update("insert ignore into employee_outbox (event_id, kind, message_key, payload, "
                            + "created_at, traceparent) select event_id, kind, message_key, payload, created_at, "
                            + "traceparent from employee_outbox_dead where id = ?", id);
                }
                jdbc.update("delete from employee_outbox_dead where id = ?", id);
            }
            return back;
        });
        LOG.info("replayed {} outbox rows Kafka had refused; dropped {} that newer ones replaced", replayed, dropped[0]);
        return replayed == null ? 0 : replayed;
    }

    /**
     * Whether a newer event of the same key replaced this one. Delegations and revocations go to compacted topics,
     * where a key's last record is its state: sent now, an old one would become the last and, once the topic is
     * compacted, the state a service starting afresh reads. Each carries numbers that grow with every change (the
     * approver's delegation revision; the person's token version, then their revocation revision); the employee row
     * has the latest.
     */
    private boolean superseded(OutboxMessage.Kind kind, String key, String payload) {
        String sql = switch (kind) {
            case DELEGATION -> "select delegation_revision, 0 from employee where id = ? for update";
            case REVOCATION -> "select token_version, revocation_revision from employee where id = ? for update";
            default -> null; // quest changes: an event stream, each told once (by event id)
        };
        if (sql == null) {
            return false;
        }
        // locked as the changes that raise them lock it: one that raised them but has not committed yet is waited
        // for, or its newer row would be published before this older one
        List<long[]> latest = jdbc.query(sql, (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}, Long.parseLong(key));
        if (latest.isEmpty()) {
            return false;
        }
        JsonNode event = read(payload);
        if (kind == OutboxMessage.Kind.DELEGATION) {
            return event.path("revision").asLong() < latest.get(0)[0];
        }
        long version = event.path("tokenVersion").asLong();
        // a revocation written before revisions existed is compared by its version alone, as it was then
        return version < latest.get(0)[0] || version == latest.get(0)[0] && event.has("revision")
                && event.path("revision").asLong() < latest.get(0)[1];
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
