package com.erp.employee.api;

/** Body of POST /api/quests/{questId}/approval (schema QuestApprovalRequest); optional. */
public record QuestApprovalRequest(String note) {
}
