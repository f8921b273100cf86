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
    void upToTenReceivingDepartmentsEachOnceTheDraftersOwnIncluded() {
        assertThat(ApprovalLineRules.receivingDepartmentsViolation(null)).isEmpty();
        List<ReceivingDepartment> ten = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ten.add(new ReceivingDepartment(i, "d" + i, i == 1 ? p(1) : null));
        }
        assertThat(ApprovalLineRules.receivingDepartmentsViolation(ten)).isEmpty();
        List<ReceivingDepartment> eleven = new ArrayList<>(ten);
        eleven.add(new ReceivingDepartment(11, "d11", null));
        assertThat(ApprovalLineRules.receivingDepartmentsViolation(eleven))
                .contains("At most 10 departments can receive a document (수신처).");
        assertThat(ApprovalLineRules.receivingDepartmentsViolation(List.of(ten.get(1), ten.get(1))))
                .contains("d2 appears twice among the receiving departments (수신처).");
    }

    @Test
    void transmittedStepsMustBeNumberedInOrder() {
        assertThat(ApprovalLineRules.stepsViolation(1, List.of(new LineStep(1, p(2)), new LineStep(2, p(3))))).isEmpty();
        assertThat(ApprovalLineRules.stepsViolation(1, List.of(new LineStep(2, p(2)), new LineStep(1, p(3)))))
                .contains("The steps of an approval line are numbered 1 to 2 in order.");
        assertThat(ApprovalLineRules.stepsViolation(1, List.of(new LineStep(1, p(2)), new LineStep(2, p(1)))))
                .contains("You cannot approve your own document.");
    }

    @Test
    void anAgreementIsPlacedBeforeTheApproverItsPositionNamesTheLastOneByDefault() {
        var last = ApprovalLineRules.compose(List.of(p(2), p(3)), List.of(p(4), p(5)), null);
        assertThat(last.violation()).isNull();
        assertThat(last.steps()).extracting(LineStep::step).containsExactly(1, 2, 3);
        assertThat(last.steps().get(0).approver()).isEqualTo(p(2));
        assertThat(last.steps().get(1).agreers()).containsExactly(p(4), p(5));
        assertThat(last.steps().get(2).approver()).isEqualTo(p(3));

        var first = ApprovalLineRules.compose(List.of(p(2), p(3)), List.of(p(4)), 1);
        assertThat(first.steps().get(0).agreers()).containsExactly(p(4));
        assertThat(first.steps().get(1).approver()).isEqualTo(p(2));

        assertThat(ApprovalLineRules.compose(List.of(p(2)), List.of(), null).steps()).containsExactly(new LineStep(1, p(2)));
        var past = ApprovalLineRules.compose(List.of(p(2), p(3)), List.of(p(4)), 3);
        assertThat(past.steps()).isEmpty();
        assertThat(past.violation()).contains("its position is 1 to 2, not 3");
    }
}
