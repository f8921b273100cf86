package com.erp.employee.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DemoOrganisationTest {

    private static DemoOrganisation with(String configured) {
        return new DemoOrganisation(null, null, null, configured, null, LocalDate.of(2026, 12, 6));
    }

    @Test
    void aPasswordMadeUpForTheQuickStartIsShownOneFromASecretIsNot() {
        assertThat(with(null).banner(true, "7k2mabcdefgh")).startsWith("created the demo organisation (every password: "
                + "7k2mabcdefgh)").contains("dev.staff", "admin");
        String configured = with("from-a-secret").banner(false, "from-a-secret");
        assertThat(configured).doesNotContain("from-a-secret").contains("every password: the configured one", "dev.lead");
    }
}
