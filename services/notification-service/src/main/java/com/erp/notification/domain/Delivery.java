package com.erp.notification.domain;

import com.erp.notification.api.Notification;

/**
 * A notification for one user: what is stored in their inbox and published to every instance.
 *
 * @param standing the document's state version ({@code sequence}) of a notification that tells its recipient where
 *                 they stand on the document (asked to decide, no longer waited for, off the line, approved, its
 *                 leave cancelled: the version after the completion it cancels); null for one
 *                 that only reports something (a decision to the drafter, a comment). Of two such notifications
 *                 of one document to one person, the one of an older state is not told once the newer one was:
 *                 events of different topics can arrive in either order (see {@link NotificationStore}).
 */
public record Delivery(long userId, Notification notification, Long standing) {

    /** The type of a {@link #standingOnly} delivery: never stored, published or shown. */
    public static final String STANDING_ONLY = "STANDING_ONLY";

    /**
     * Tells {@code userId} nothing, but records that they stand at the document's state {@code version}, so that a
     * notification of an older state arriving late is not told them either: who cancelled a leave, say, is not told
     * afterwards that it is approved.
     */
    public static Delivery standingOnly(long userId, String notificationId, String approvalId, long version) {
        return new Delivery(userId, new Notification(notificationId, STANDING_ONLY, approvalId, null, null, null, null,
                null), version);
    }

    /** Whether it only records where its recipient stands ({@link #standingOnly}). */
    public boolean isStandingOnly() {
        return STANDING_ONLY.equals(notification.type());
    }

    /** A notification that reports something: told whatever was told before. */
    public Delivery(long userId, Notification notification) {
        this(userId, notification, null);
    }

    /** The same notification, telling where its recipient stands as of the document's state {@code version}. */
    public Delivery standingAt(long version) {
        return new Delivery(userId, notification, version);
    }
}
