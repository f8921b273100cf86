package com.erp.approvalrequest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DocumentNumberTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void eachFormHasItsPrefixAndTheYearIsTheCompanysCalendars() {
        // 15:30 UTC on New Year's Eve is already the new year in Seoul
        Instant newYear = Instant.parse("2026-12-31T15:30:00Z");
        assertThat(DocumentNumber.format(DocumentNumber.counterId("GENERAL", newYear, SEOUL), 42)).isEqualTo("GEN-2027-000042");
        assertThat(DocumentNumber.counterId("LEAVE", newYear, SEOUL)).isEqualTo("LEA-2027");
        assertThat(DocumentNumber.counterId("EXPENSE", newYear, SEOUL)).isEqualTo("EXP-2027");
        assertThat(DocumentNumber.counterId("BUSINESS_TRIP", newYear, SEOUL)).isEqualTo("TRP-2027");
    }
}
