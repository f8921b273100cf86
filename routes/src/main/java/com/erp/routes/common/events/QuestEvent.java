package com.erp.routes.common.events;

import java.time.Instant;

/**
 * A change of a quest (topic {@code erp.topics.quest-changed}, key = quest id), published by employee-service from
 * its outbox in the transaction of the change, so that the people concerned are told (notification-service).
 *
 * @param type       TAKEN, REPORTED, APPROVED, SENT_BACK, GIVEN_UP or CANCELLED
 * @param assigneeId who has (or had, when given up or cancelled) the quest; null when nobody took it
 * @param actor      who made the change
 * @param note       the report, the review note or the reason sent back; may be null
 * @param paidDays   APPROVED: the leave days the approval paid, less than {@code rewardDays} once the assignee's quest
 *                   rewards of the year reach the yearly limit; null otherwise (and in events from before it existed)
 * @param reviewers  REPORTED: the administrators who review it in the place of a poster who no longer does (left, or
 *                   no longer a manager), told instead of them; null otherwise (and in events from before it existed)
 */
public record QuestEvent(String eventId, String type, int version, Instant occurredAt, long questId, String title,
                         double rewardDays, long posterId, Long assigneeId, Person actor, String note, Double paidDays,
                         java.util.List<Long> reviewers) {

    public static final int VERSION = 1;

    public QuestEvent(String eventId, String type, int version, Instant occurredAt, long questId, String title,
                      double rewardDays, long posterId, Long assigneeId, Person actor, String note, Double paidDays) {
        this(eventId, type, version, occurredAt, questId, title, rewardDays, posterId, assigneeId, actor, note, paidDays,
                null);
    }

    public enum Type { TAKEN, REPORTED, APPROVED, SENT_BACK, GIVEN_UP, CANCELLED }
}
