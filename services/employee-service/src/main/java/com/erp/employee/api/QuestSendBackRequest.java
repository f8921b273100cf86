package com.erp.employee.api;

/** Body of POST /api/quests/{questId}/send-back (schema QuestSendBackRequest). */
public record QuestSendBackRequest(String reason) {
}
