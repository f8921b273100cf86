package com.erp.routes.common.redis;

/**
 * Every Redis key the services use, in one place: the routes read and the Lua scripts write the same keys, so
 * their names must not drift apart. The prefixes serve routes that build a key in a Simple expression.
 */
public final class RedisKeys {

    /** approval-processing: a document's state hash, {@code erp:approval:<approval id>}. */
    public static final String APPROVAL = "erp:approval:";
    /** approval-processing: an approver's pending items, {@code erp:inbox:<employee id>}. */
    public static final String INBOX = "erp:inbox:";
    /** approval-processing: every approver's last delegation event (대결), a hash by approver id. */
    public static final String DELEGATIONS = "erp:delegations";
    /** approval-processing: a counter raised after each change of {@link #DELEGATIONS}, so instances know to re-read it. */
    public static final String DELEGATIONS_REVISION = "erp:delegations:revision";
    /** approval-processing: the documents in progress, scored by when each next reminds (epoch ms). */
    public static final String REMINDERS = "erp:reminders";
    /** approval-processing's copy of the org chart's reporting lines (the newest {@code ReportingLines}, as JSON). */
    public static final String REPORTING_LINES = "erp:reporting-lines";
    /**
     * notification's copy of the same, for the departments' heads: a key of its own, so that neither service's
     * version nor its consumer's lag decides what the other reads.
     */
    public static final String NOTIFICATION_ORG_CHART = "erp:notification:org-chart";
    /** approval-processing: set while a drafter's reminder of a document is recent, {@code erp:reminded:<approval id>}. */
    public static final String REMINDED = "erp:reminded:";
    /** approval-processing: the events waiting to be published. */
    public static final String PROCESSING_OUTBOX = "erp:processing:outbox";
    /** approval-processing: the outbox's event ids in the order they were stored (a sorted set; the relay reads it). */
    public static final String PROCESSING_OUTBOX_ORDER = "erp:processing:outbox:order";
    /** approval-processing: the counter that scores {@link #PROCESSING_OUTBOX_ORDER}. */
    public static final String PROCESSING_OUTBOX_SEQUENCE = "erp:processing:outbox:sequence";
    /**
     * approval-processing: the outbox's entries Kafka refused for good (a hash, event id → entry as it was stored),
     * set aside for an operator's replay.
     */
    public static final String PROCESSING_OUTBOX_DEAD = "erp:processing:outbox:dead";
    /** approval-processing: why and when Kafka refused each of {@link #PROCESSING_OUTBOX_DEAD} (event id → JSON). */
    public static final String PROCESSING_OUTBOX_DEAD_REASONS = "erp:processing:outbox:dead:reasons";
    /** approval-processing: a held document's entries, {@code erp:processing:outbox:held:<approval id>}. */
    public static final String PROCESSING_OUTBOX_HELD = "erp:processing:outbox:held:";
    /** notification: a person's stored notifications, {@code erp:notifications:<user id>}. */
    public static final String NOTIFICATIONS = "erp:notifications:";
    /** notification: the suffix of a person's unread counter, after {@link #notifications}. */
    public static final String UNREAD = ":unread";
    /**
     * notification: the suffix, after {@link #notifications}, of the hash counting each sender's notifications in a
     * person's inbox, {@code erp:notifications:<user id>:senders}.
     */
    public static final String SENDERS = ":senders";
    /** notification: a notification already stored, {@code erp:notified:<notification id>}. */
    public static final String NOTIFIED = "erp:notified:";
    /**
     * notification: per document, the newest state version each person was told where they stand at
     * ({@code erp:notified-standing:<approval id>}, a hash of user id to sequence).
     */
    public static final String NOTIFIED_STANDING = "erp:notified-standing:";

    private RedisKeys() {
    }

    /** A submission approval-processing refused (approval.refused): never started after that. */
    public static final String REFUSED = "erp:refused:";

    public static String refused(String approvalId) {
        return REFUSED + approvalId;
    }

    /**
     * approval-processing: the event ids of a document's entries that wait in the outbox because one of them failed (a
     * set): while it has any, the document's later changes leave their events to the relay, behind them.
     */
    public static String processingHeld(String approvalId) {
        return PROCESSING_OUTBOX_HELD + approvalId;
    }

    public static String approval(String approvalId) {
        return APPROVAL + approvalId;
    }

    public static String inbox(long employeeId) {
        return INBOX + employeeId;
    }

    public static String reminded(String approvalId) {
        return REMINDED + approvalId;
    }

    public static String notifications(long userId) {
        return NOTIFICATIONS + userId;
    }

    public static String unread(long userId) {
        return notifications(userId) + UNREAD;
    }

    public static String notificationSenders(long userId) {
        return notifications(userId) + SENDERS;
    }

    public static String notified(String notificationId) {
        return NOTIFIED + notificationId;
    }

    public static String notifiedStanding(String approvalId) {
        return NOTIFIED_STANDING + approvalId;
    }
}
