package com.erp.employee.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.erp.routes.common.events.Person;
import org.junit.jupiter.api.Test;

class SavedLineRulesTest {

    private static Person p(long id) {
        return new Person(id, "p" + id, "STAFF", "D");
    }

    @Test
    void aLineTheOwnerCouldSubmitWithIsOneTheyMayKeep() {
        assertThat(SavedLineRules.violation(1, List.of(p(2), p(3)), List.of(p(4)), 1, List.of(p(5)), List.of(p(6)))).isEmpty();
        assertThat(SavedLineRules.violation(1, List.of(p(2)), List.of(), null, List.of(), List.of())).isEmpty();
    }

    @Test
    void theSubmittedLinesRulesWithTheOwnerAsDrafter() {
        assertThat(SavedLineRules.violation(1, List.of(p(1)), List.of(), null, List.of(), List.of()))
                .contains("You cannot approve your own document.");
        assertThat(SavedLineRules.violation(1, List.of(p(2)), List.of(p(2)), null, List.of(), List.of()))
                .contains("p2 appears twice in the approval line.");
        assertThat(SavedLineRules.violation(1, List.of(p(2)), List.of(p(3)), 2, List.of(), List.of()).orElseThrow())
                .contains("position is 1 to 1, not 2");
        assertThat(SavedLineRules.violation(1, List.of(p(2)), List.of(p(3)), null, List.of(p(3)), List.of()).orElseThrow())
                .contains("leave them out of ccIds");
        assertThat(SavedLineRules.violation(1, List.of(p(2)), List.of(), null, List.of(p(4)), List.of(p(4))).orElseThrow())
                .contains("leave them out of receiverIds");
        // ten approvers and a 합의 step make eleven steps
        List<Person> ten = java.util.stream.LongStream.rangeClosed(2, 11).mapToObj(SavedLineRulesTest::p).toList();
        assertThat(SavedLineRules.violation(1, ten, List.of(p(12)), null, List.of(), List.of()))
                .contains("An approval line has at most 10 steps.");
    }

    @Test
    void aNameIsKeptWithoutSurroundingSpacesAndTwentyLinesAreTheMost() {
        assertThat(SavedLineRules.name("  주간 보고 ")).isEqualTo("주간 보고");
        assertThat(SavedLineRules.name(" \t ")).isNull();
        assertThat(SavedLineRules.roomViolation(19)).isEmpty();
        assertThat(SavedLineRules.roomViolation(20)).isPresent();
    }
}
