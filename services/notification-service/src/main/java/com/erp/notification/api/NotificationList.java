package com.erp.notification.api;

import java.util.List;

/** Schema NotificationList. */
public record NotificationList(long unread, List<Notification> items) {
}
