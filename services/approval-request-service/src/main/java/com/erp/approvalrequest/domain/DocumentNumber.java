package com.erp.approvalrequest.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * Document numbers (문서번호), given when a document is finally approved: a form prefix, the year, and a
 * sequence per form and year, e.g. GEN-2026-000042.
 */
public final class DocumentNumber {

    private static final Map<String, String> PREFIX = Map.of("GENERAL", "GEN", "EXPENSE", "EXP", "BUSINESS_TRIP", "TRP");

    private DocumentNumber() {
    }

    /** The counter a document of this type, completed at this time, draws its number from. */
    public static String counterId(String documentType, Instant completedAt, ZoneId zone) {
        return prefix(documentType) + "-" + completedAt.atZone(zone).getYear();
    }

    public static String format(String counterId, long sequence) {
        return String.format("%s-%06d", counterId, sequence);
    }

    private static String prefix(String documentType) {
        return PREFIX.getOrDefault(documentType, documentType.length() > 3 ? documentType.substring(0, 3) : documentType);
    }
}
