package com.erp.notification.domain;

import com.erp.notification.api.Notification;

/** A notification for one user: what is stored in their inbox and published to every instance. */
public record Delivery(long userId, Notification notification) {
}
