package com.erp.notification.api;

import java.time.Instant;

import com.erp.routes.common.events.Person;

/**
 * Schema Notification: one message to one person, as stored and as pushed over the WebSocket. It is about a
 * document ({@code approvalId}) or a quest ({@code questId}).
 */
public record Notification(String id, String type, String approvalId, String title, String message, Person actor,
                           Instant createdAt, Long questId) {
}
