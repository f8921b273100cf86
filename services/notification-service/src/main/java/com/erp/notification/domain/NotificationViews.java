package com.erp.notification.domain;

import java.util.List;

import com.erp.notification.api.Notification;
import com.erp.notification.api.NotificationList;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON in and out of the stored inbox and the pub/sub channel (bean {@code notificationViews}). */
public class NotificationViews {

    private final ObjectMapper json;

    public NotificationViews(ObjectMapper json) {
        this.json = json;
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Delivery delivery(String message) throws JsonProcessingException {
        return json.readValue(message, Delivery.class);
    }

    /** The stored inbox (newest first, as LRANGE returns it) and the unread counter. */
    public NotificationList list(List<String> stored, String unread) throws JsonProcessingException {
        List<Notification> items = new java.util.ArrayList<>();
        for (String s : stored == null ? List.<String>of() : stored) {
            items.add(json.readValue(s, Notification.class));
        }
        long count = unread == null || unread.isBlank() ? 0 : Math.max(0, Long.parseLong(unread));
        return new NotificationList(count, items);
    }
}
