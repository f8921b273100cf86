package com.erp.employee.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PersonnelRulesTest {

    @Test
    void temporaryPasswordsAreLongUnambiguousAndDiffer() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String p = PersonnelRules.temporaryPassword(random);
            assertThat(p).hasSize(16).matches("[a-zA-Z2-9]+").doesNotContain("0", "O", "1", "l", "I");
            seen.add(p);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void aNewPasswordIsLongEnoughNewAndFreeOfTheUsername() {
        assertThat(PersonnelRules.passwordViolation("kim.minjun", "old password 1", "correct horse battery")).isEmpty();
        assertThat(PersonnelRules.passwordViolation("kim.minjun", "old", "  short   ")).isPresent();
        assertThat(PersonnelRules.passwordViolation("kim.minjun", "same as before", "same as before").orElseThrow())
                .contains("current one");
        assertThat(PersonnelRules.passwordViolation("kim.minjun", "old", "Kim.Minjun-2026!").orElseThrow())
                .contains("username");
        // BCrypt hashes 72 bytes: 24 Korean syllables are 72, 25 are too many
        assertThat(PersonnelRules.passwordViolation("kim.minjun", "old", "가".repeat(24))).isEmpty();
        assertThat(PersonnelRules.passwordViolation("kim.minjun", "old", "가".repeat(25)).orElseThrow()).contains("72 bytes");
        assertThat(PersonnelRules.passwordViolation("kim.minjun", "old", "a".repeat(73))).isPresent();
    }

    @Test
    void aTeamBelongsToTheDepartment() {
        assertThat(PersonnelRules.teamViolation(1, "개발본부", 1L, "플랫폼팀")).isEmpty();
        assertThat(PersonnelRules.teamViolation(1, "개발본부", null, null)).isEmpty();
        assertThat(PersonnelRules.teamViolation(1, "개발본부", 2L, "영업1팀").orElseThrow())
                .isEqualTo("Team 영업1팀 is not one of 개발본부's teams.");
    }

    @Test
    void aHireDateIsTodayUnlessGivenAndNotMoreThanAYearAhead() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 4);
        assertThat(PersonnelRules.hireDate(null, today)).isEqualTo(today);
        assertThat(PersonnelRules.hireDate("2015-03-02", today)).isEqualTo(java.time.LocalDate.of(2015, 3, 2));
        assertThat(PersonnelRules.hireDate("2027-12-04", today)).isEqualTo(java.time.LocalDate.of(2027, 12, 4));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PersonnelRules.hireDate("2027-12-05", today))
                .isInstanceOfSatisfying(com.erp.routes.common.web.ProblemException.class, p -> assertThat(p.status()).isEqualTo(422))
                .hasMessageContaining("more than a year ahead");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PersonnelRules.hireDate("1949-12-31", today))
                .hasMessageContaining("1950-01-01");
    }
}
