package com.erp.employee.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A quest change waiting to be published (a QuestEvent as JSON): written in the transaction of the change, removed
 * by the relay (route employee.quest-outbox) once Kafka has it.
 */
@Entity
@Table(name = "quest_outbox")
@NamedQuery(name = QuestOutboxEntry.OLDEST, query = "select e from QuestOutboxEntry e order by e.id")
public class QuestOutboxEntry {

    public static final String OLDEST = "QuestOutboxEntry.oldest";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "quest_id")
    private long questId;

    private String payload;

    @Column(name = "created_at")
    private Instant createdAt;

    protected QuestOutboxEntry() {
    }

    public QuestOutboxEntry(String eventId, long questId, String payload, Instant createdAt) {
        this.eventId = eventId;
        this.questId = questId;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public long getQuestId() {
        return questId;
    }

    public String getPayload() {
        return payload;
    }
}
