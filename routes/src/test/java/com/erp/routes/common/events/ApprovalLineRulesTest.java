package com.erp.routes.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ApprovalLineRulesTest {

    private static Person p(long id) {
        return new Person(id, "p" + id, "STAFF", "D");
    }

    @Test
    void aLineOfOneToTenOtherPeopleOnceEachIsAnApprovalLine() {
        assertThat(ApprovalLineRules.violation(1, List.of(p(2)))).isEmpty();
        List<Person> ten = new ArrayList<>();
        for (int i = 2; i <= 11; i++) {
            ten.add(p(i));
        }
        assertThat(ApprovalLineRules.violation(1, ten)).isEmpty();
        ten.add(p(12));
        assertThat(ApprovalLineRules.violation(1, ten)).contains("An approval line has at most 10 steps.");
    }

    @Test
    void theDrafterNobodyTwiceAndNoEmptyLine() {
        assertThat(ApprovalLineRules.violation(1, List.of())).contains("An approval line needs at least one approver.");
        assertThat(ApprovalLineRules.violation(1, List.of(p(2), p(1)))).contains("You cannot approve your own document.");
        assertThat(ApprovalLineRules.violation(1, List.of(p(2), p(3), p(2)))).contains("p2 appears twice in the approval line.");
    }

    @Test
    void transmittedStepsMustBeNumberedInOrder() {
        assertThat(ApprovalLineRules.stepsViolation(1, List.of(new LineStep(1, p(2)), new LineStep(2, p(3))))).isEmpty();
        assertThat(ApprovalLineRules.stepsViolation(1, List.of(new LineStep(2, p(2)), new LineStep(1, p(3)))))
                .contains("The steps of an approval line are numbered 1 to 2 in order.");
        assertThat(ApprovalLineRules.stepsViolation(1, List.of(new LineStep(1, p(2)), new LineStep(2, p(1)))))
                .contains("You cannot approve your own document.");
    }
}
