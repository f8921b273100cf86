package com.erp.routes.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** 결재권한: who may end a named line, and whom a line change may put last. */
class LineAuthorityTest {

    private final Person lead = new Person(2, "이서연", "TEAM_LEAD", "개발본부");
    private final Person head = new Person(3, "박지훈", "DEPT_HEAD", "개발본부");
    private final Person peer = new Person(4, "김동료", "STAFF", "개발본부");
    private final Person otherLead = new Person(5, "정하늘", "TEAM_LEAD", "영업본부");
    private final Person otherHead = new Person(6, "강도윤", "DEPT_HEAD", "영업본부");
    private final Person secondLead = new Person(7, "한팀장", "TEAM_LEAD", "개발본부");
    private final Person executive = new Person(8, "임원", "EXECUTIVE", "경영지원본부");

    @Test
    void aNamedLineEndsWithTheOrgChartsAuthorityOrSomeoneAboveThem() {
        // the whole line: only the head ends it
        List<Person> headDecides = List.of(head);
        assertThat(LineAuthority.namedLineViolation(headDecides, "STAFF", head)).isEmpty();
        assertThat(LineAuthority.namedLineViolation(headDecides, "STAFF", executive)).isEmpty();
        assertThat(LineAuthority.namedLineViolation(headDecides, "STAFF", lead)).get().asString()
                .contains("박지훈 (DEPT_HEAD, 개발본부)").contains("ends with 이서연 (TEAM_LEAD, 개발본부)");
        assertThat(LineAuthority.namedLineViolation(headDecides, "STAFF", peer)).isPresent();
        assertThat(LineAuthority.namedLineViolation(headDecides, "STAFF", otherHead))
                .as("another department's head holds no authority over this drafter's document").isPresent();

        // cut by 위임전결 after the lead: the lead or the head above them ends it
        List<Person> leadDecides = List.of(lead, head);
        assertThat(LineAuthority.namedLineViolation(leadDecides, "STAFF", lead)).isEmpty();
        assertThat(LineAuthority.namedLineViolation(leadDecides, "STAFF", head)).isEmpty();
        assertThat(LineAuthority.namedLineViolation(leadDecides, "STAFF", otherLead)).get().asString()
                .contains("이서연 (TEAM_LEAD, 개발본부) or 박지훈 (DEPT_HEAD, 개발본부)");
        assertThat(LineAuthority.namedLineViolation(leadDecides, "STAFF", secondLead)).isPresent();
    }

    @Test
    void aDrafterTheOrgChartGivesNoLineEndsItWithSomeoneOfAtLeastTheirPosition() {
        assertThat(LineAuthority.namedLineViolation(List.of(), "STAFF", peer)).isEmpty();
        assertThat(LineAuthority.namedLineViolation(List.of(), "DEPT_HEAD", otherHead)).isEmpty();
        assertThat(LineAuthority.namedLineViolation(List.of(), "DEPT_HEAD", executive)).isEmpty();
        assertThat(LineAuthority.namedLineViolation(List.of(), "DEPT_HEAD", lead)).as("someone who reports to them")
                .get().asString().contains("at least your own position (DEPT_HEAD)");
        assertThat(LineAuthority.namedLineViolation(List.of(), "EXECUTIVE", otherHead)).isPresent();
    }

    @Test
    void aLineChangeKeepsTheLastApproversAuthorityOnTheDraftersOrgChartLine() {
        List<Person> line = List.of(lead, head);
        assertThat(LineAuthority.changeViolation(head, head, line)).isEmpty();
        assertThat(LineAuthority.changeViolation(head, executive, line)).isEmpty();
        Person newHead = new Person(9, "새 부서장", "DEPT_HEAD", "개발본부");
        assertThat(LineAuthority.changeViolation(head, newHead, List.of(lead, newHead)))
                .as("the department's new head, after the old one left").isEmpty();
        assertThat(LineAuthority.changeViolation(head, newHead, line)).as("a head who is not the drafter's")
                .get().asString().contains("박지훈 (DEPT_HEAD, 개발본부) (of your line");
        assertThat(LineAuthority.changeViolation(lead, head, line)).isEmpty();
        assertThat(LineAuthority.changeViolation(lead, secondLead, line)).as("another team's lead of the department")
                .get().asString().contains("only by 이서연 (TEAM_LEAD, 개발본부) or 박지훈 (DEPT_HEAD, 개발본부)")
                .contains("not by 한팀장");
        assertThat(LineAuthority.changeViolation(head, lead, line)).get().asString()
                .contains("박지훈 (DEPT_HEAD, 개발본부) can be replaced").contains("not by 이서연");
        assertThat(LineAuthority.changeViolation(head, otherHead, line)).as("another department's").isPresent();
        assertThat(LineAuthority.changeViolation(lead, otherLead, line)).isPresent();
        assertThat(LineAuthority.changeViolation(lead, peer, line)).isPresent();
        assertThat(LineAuthority.changeViolation(executive, head, line)).get().asString()
                .contains("only by an executive");
        assertThat(LineAuthority.changeViolation(peer, otherHead, line)).as("a line that ended with a colleague").isEmpty();
        assertThat(LineAuthority.changeViolation(peer, lead, line)).isEmpty();
    }

    @Test
    void aLineChangeOfADrafterWithoutAnOrgChartLineKeepsTheLastApproversDepartmentAndPosition() {
        for (List<Person> none : java.util.Arrays.asList(List.<Person>of(), null)) {
            assertThat(LineAuthority.changeViolation(otherHead, new Person(9, "새 부서장", "DEPT_HEAD", "영업본부"), none))
                    .isEmpty();
            assertThat(LineAuthority.changeViolation(lead, secondLead, none)).isEmpty();
            assertThat(LineAuthority.changeViolation(otherHead, head, none)).get().asString()
                    .contains("higher position in 영업본부");
            assertThat(LineAuthority.changeViolation(head, lead, none)).isPresent();
            assertThat(LineAuthority.changeViolation(head, executive, none)).isEmpty();
        }
    }

    @Test
    void finalApprovalDecidesInTheLastApproversPlaceOnlyForTheDraftersOrgChartLineOrAnExecutive() {
        Person drafter = new Person(1, "김민준", "STAFF", "개발본부");
        List<Person> line = List.of(lead, head);
        assertThat(LineAuthority.finalApprovalViolation(drafter, line, head, lead.id(), "TEAM_LEAD", "개발본부")).isEmpty();
        assertThat(LineAuthority.finalApprovalViolation(drafter, line, executive, head.id(), "DEPT_HEAD", "개발본부"))
                .as("the drafter's head before an executive").isEmpty();
        assertThat(LineAuthority.finalApprovalViolation(drafter, line, head, executive.id(), "EXECUTIVE", "경영지원본부"))
                .isEmpty();
        assertThat(LineAuthority.finalApprovalViolation(drafter, line, head, secondLead.id(), "TEAM_LEAD", "개발본부"))
                .as("another team's lead of the department").get().asString()
                .contains("이서연 (TEAM_LEAD, 개발본부), 박지훈 (DEPT_HEAD, 개발본부)");
        assertThat(LineAuthority.finalApprovalViolation(drafter, line, head, otherHead.id(), "DEPT_HEAD", "영업본부"))
                .isPresent();
        assertThat(LineAuthority.finalApprovalViolation(drafter, line, executive, otherHead.id(), "DEPT_HEAD", "영업본부"))
                .as("an executive's department is not the drafter's line").isPresent();
    }

    @Test
    void withoutTheDraftersLineFinalApprovalGoesByTheDraftersOrTheLastApproversDepartment() {
        Person drafter = new Person(1, "김민준", "STAFF", "개발본부");
        for (List<Person> none : java.util.Arrays.asList(List.<Person>of(), null)) {
            assertThat(LineAuthority.finalApprovalViolation(drafter, none, head, lead.id(), "TEAM_LEAD", "개발본부"))
                    .isEmpty();
            assertThat(LineAuthority.finalApprovalViolation(drafter, none, head, secondLead.id(), "TEAM_LEAD", "개발본부"))
                    .isEmpty();
            assertThat(LineAuthority.finalApprovalViolation(drafter, none, head, executive.id(), "EXECUTIVE", "경영지원본부"))
                    .isEmpty();
            assertThat(LineAuthority.finalApprovalViolation(drafter, none, otherHead, otherLead.id(), "TEAM_LEAD", "영업본부"))
                    .as("the last approver's own lead").isEmpty();
            assertThat(LineAuthority.finalApprovalViolation(drafter, none, head, otherHead.id(), "DEPT_HEAD", "영업본부"))
                    .get().asString().contains("박지훈 (DEPT_HEAD, 개발본부)");
            assertThat(LineAuthority.finalApprovalViolation(drafter, none, head, otherLead.id(), "TEAM_LEAD", "영업본부"))
                    .isPresent();
        }
    }

    @Test
    void theLastApproverIsTheLastStepsOne() {
        List<LineStep> line = List.of(new LineStep(1, lead), LineStep.agreement(2, List.of(otherLead)),
                new LineStep(3, head));
        assertThat(LineAuthority.lastApprover(line)).isEqualTo(head);
        assertThat(LineAuthority.lastApprover(List.of())).isNull();
    }
}
