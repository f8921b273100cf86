package com.erp.employee.domain;

import java.time.Instant;

import com.erp.routes.common.Traced;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An event waiting to be published (JSON): written in the transaction of the change it tells of, removed by the
 * relay (route employee.outbox) once Kafka has it. Its {@link Kind} says which topic it goes to; its trace is the
 * request's that wrote it, which the relay's route continues ({@link Traced}).
 */
@Entity
@Table(name = "employee_outbox")
@NamedQuery(name = OutboxMessage.OLDEST, query = "select e from OutboxMessage e order by e.id")
public class OutboxMessage implements Traced {

    public static final String OLDEST = "OutboxMessage.oldest";

    /** QUEST: a QuestEvent, key = quest id; DELEGATION: a DelegationEvent, key = the approver's id. */
    public enum Kind { QUEST, DELEGATION, REVOCATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id")
    private String eventId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "message_key")
    private String messageKey;

    private String payload;

    @Column(name = "created_at")
    private Instant createdAt;

    private String traceparent;

    protected OutboxMessage() {
    }

    /** @param traceparent the trace of the request that wrote it; null outside any */
    public OutboxMessage(String eventId, Kind kind, String messageKey, String payload, Instant createdAt,
                         String traceparent) {
        this.traceparent = traceparent;
        this.eventId = eventId;
        this.kind = kind;
        this.messageKey = messageKey;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public String getEventId() {
        return eventId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Kind getKind() {
        return kind;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public String getPayload() {
        return payload;
    }

    @Override
    public String traceparent() {
        return traceparent;
    }
}
