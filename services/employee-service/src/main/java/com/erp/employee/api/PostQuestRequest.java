package com.erp.employee.api;

/** Body of POST /api/quests (schema PostQuestRequest). */
public record PostQuestRequest(String title, String description, double rewardDays, String dueDate) {
}
