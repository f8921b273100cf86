package com.erp.approvalrequest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

import com.erp.approvalrequest.api.AgreementRequest;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.web.ProblemException;
import org.junit.jupiter.api.Test;

class SubmissionPolicyTest {

    private static Person p(long id) {
        return new Person(id, "p" + id, "STAFF", "D");
    }

    @Test
    void aLeaveIsCountedInTheCompanysWorkingDaysAndOneOnHolidaysOnlyIsRefused() {
        // 추석 2026 on the 24th and 25th of September
        com.erp.routes.common.events.CompanyDays korea = com.erp.routes.common.events.CompanyDays.of(
                List.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.WEDNESDAY,
                        java.time.DayOfWeek.THURSDAY, java.time.DayOfWeek.FRIDAY), List.of("2026-09-24", "2026-09-25"));
        assertThat(SubmissionPolicy.leave("LEAVE", new com.erp.approvalrequest.api.LeaveRequest("ANNUAL", "2026-09-21",
                "2026-09-25"), 2026, korea).days()).isEqualTo(3.0);
        assertThatThrownBy(() -> SubmissionPolicy.leave("LEAVE", new com.erp.approvalrequest.api.LeaveRequest("ANNUAL",
                "2026-09-24", "2026-09-25"), 2026, korea)).isInstanceOf(ProblemException.class).hasMessageContaining("holiday");
    }

    @Test
    void aProperLinePasses() {
        assertThatCode(() -> SubmissionPolicy.check("제목", 1, List.of(2L, 3L), List.of(p(2), p(3)))).doesNotThrowAnyException();
        assertThatCode(() -> SubmissionPolicy.check("제목", 1, null, List.of(p(2)))).doesNotThrowAnyException();
    }

    @Test
    void anAgreementStepGoesBeforeTheApproverItsPositionNamesTheLastByDefault() {
        List<LineStep> line = SubmissionPolicy.line(1, List.of(p(2), p(3)), new AgreementRequest(List.of(5L, 4L), null),
                List.of(p(4), p(5)));
        assertThat(line).extracting(LineStep::step).containsExactly(1, 2, 3);
        assertThat(line.get(0).approver()).isEqualTo(p(2));
        assertThat(line.get(1).agreers()).containsExactly(p(5), p(4)); // in the order named
        assertThat(line.get(2).approver()).isEqualTo(p(3));

        List<LineStep> first = SubmissionPolicy.line(1, List.of(p(2), p(3)), new AgreementRequest(List.of(4L), 1), List.of(p(4)));
        assertThat(first.get(0).isAgreement()).isTrue();
        assertThat(SubmissionPolicy.line(1, List.of(p(2)), null, List.of())).containsExactly(new LineStep(1, p(2)));
    }

    @Test
    void anAgreementIsRefusedOutOfPlaceWithStrangersOrWithPeopleAlreadyOnTheLine() {
        assertThatThrownBy(() -> SubmissionPolicy.line(1, List.of(p(2), p(3)), new AgreementRequest(List.of(4L), 3), List.of(p(4))))
                .isInstanceOf(ProblemException.class).hasMessageContaining("position is 1 to 2, not 3");
        assertThatThrownBy(() -> SubmissionPolicy.line(1, List.of(p(2)), new AgreementRequest(List.of(4L, 9L), null), List.of(p(4))))
                .hasMessageContaining("[9]");
        assertThatThrownBy(() -> SubmissionPolicy.line(1, List.of(p(2)), new AgreementRequest(List.of(2L), null), List.of(p(2))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> SubmissionPolicy.line(1, List.of(p(2)), new AgreementRequest(List.of(1L), null), List.of(p(1))))
                .hasMessageContaining("own document");
    }

    @Test
    void receiversAreFoundInTheOrderNamedAndToldNowhereElse() {
        assertThat(SubmissionPolicy.receivers(1, List.of(6L, 5L), List.of(p(5), p(6)), List.of(p(2)), List.of()))
                .containsExactly(p(6), p(5));
        assertThat(SubmissionPolicy.receivers(1, null, List.of(), List.of(p(2)), List.of())).isEmpty();
        assertThatThrownBy(() -> SubmissionPolicy.receivers(1, List.of(5L, 9L), List.of(p(5)), List.of(p(2)), List.of()))
                .isInstanceOf(ProblemException.class).hasMessageContaining("[9]");
        assertThatThrownBy(() -> SubmissionPolicy.receivers(1, List.of(2L), List.of(p(2)), List.of(p(2)), List.of()))
                .hasMessageContaining("approval line or in cc");
        assertThatThrownBy(() -> SubmissionPolicy.receivers(1, List.of(3L), List.of(p(3)), List.of(p(2)), List.of(p(3))))
                .hasMessageContaining("approval line or in cc");
        assertThatThrownBy(() -> SubmissionPolicy.receivers(1, List.of(1L), List.of(p(1)), List.of(p(2)), List.of()))
                .hasMessageContaining("yourself");
    }

    @Test
    void receivingDepartmentsAreFoundInTheOrderNamedAndUnknownOnesAreNamed() {
        ReceivingDepartment dev = new ReceivingDepartment(1, "개발본부", p(3));
        ReceivingDepartment sales = new ReceivingDepartment(2, "영업본부", null);
        assertThat(SubmissionPolicy.receivingDepartments(List.of(2L, 1L), List.of(dev, sales))).containsExactly(sales, dev);
        assertThat(SubmissionPolicy.receivingDepartments(null, List.of())).isEmpty();
        assertThatThrownBy(() -> SubmissionPolicy.receivingDepartments(List.of(2L, 7L), List.of(sales)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessageContaining("[7]").hasMessageContaining("receiverDepartmentIds");
        assertThatThrownBy(() -> SubmissionPolicy.receivingDepartments(List.of(2L, 2L), List.of(sales)))
                .hasMessageContaining("twice");
    }

    @Test
    void theDrafterCannotApprove() {
        assertThatThrownBy(() -> SubmissionPolicy.check("t", 1, List.of(1L), List.of(p(1))))
                .isInstanceOf(ProblemException.class).hasMessageContaining("own document");
    }

    @Test
    void unknownApproversAreNamed() {
        assertThatThrownBy(() -> SubmissionPolicy.check("t", 1, List.of(2L, 9L), List.of(p(2))))
                .hasMessageContaining("[9]");
    }

    @Test
    void blankTitlesEmptyLinesLongLinesAndRepeatsAreRejected() {
        assertThatThrownBy(() -> SubmissionPolicy.check(" ", 1, null, List.of(p(2)))).hasMessageContaining("title");
        assertThatThrownBy(() -> SubmissionPolicy.check("t", 1, null, Collections.emptyList())).hasMessageContaining("approverIds");
        List<Person> eleven = LongStream.rangeClosed(2, 12).mapToObj(SubmissionPolicyTest::p).toList();
        assertThatThrownBy(() -> SubmissionPolicy.check("t", 1, null, eleven)).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> SubmissionPolicy.check("t", 1, null, List.of(p(2), p(2)))).hasMessageContaining("twice");
    }

    @Test
    void ccIsForKnownPeopleOffTheLineOtherThanTheDrafter() {
        List<Person> line = List.of(p(2), p(3));
        assertThatCode(() -> SubmissionPolicy.checkCc(1, List.of(4L, 5L), List.of(p(4), p(5)), line)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SubmissionPolicy.checkCc(1, List.of(4L, 9L), List.of(p(4)), line))
                .isInstanceOfSatisfying(ProblemException.class, e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(422))
                .hasMessageContaining("[9]");
        assertThatThrownBy(() -> SubmissionPolicy.checkCc(1, List.of(1L), List.of(p(1)), line)).hasMessageContaining("yourself");
        assertThatThrownBy(() -> SubmissionPolicy.checkCc(1, List.of(4L, 3L), List.of(p(4), p(3)), line))
                .hasMessageContaining("[3]").hasMessageContaining("approval line");
    }

    @Test
    void everyViolationIs422() {
        assertThatThrownBy(() -> SubmissionPolicy.check("t", 1, List.of(1L), List.of(p(1))))
                .isInstanceOfSatisfying(ProblemException.class, e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(422));
    }
}
