package com.erp.employee.api;

/** Body of POST /api/quests/{questId}/report (schema QuestReportRequest); optional. */
public record QuestReportRequest(String report) {
}
