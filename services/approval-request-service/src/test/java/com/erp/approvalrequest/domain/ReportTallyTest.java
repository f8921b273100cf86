package com.erp.approvalrequest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.erp.approvalrequest.api.ApprovalReport;
import com.erp.routes.common.events.Person;
import org.junit.jupiter.api.Test;

class ReportTallyTest {

    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    private static final Person LEE = new Person(2, "이서연", "TEAM_LEAD", "개발본부");
    private static final Person PARK = new Person(3, "박지훈", "DEPT_HEAD", "개발본부");
    private static final Person JUNG = new Person(4, "정하늘", "TEAM_LEAD", "영업본부");

    private static Instant h(double hours) {
        return T0.plusSeconds((long) (hours * 3600));
    }

    private static ReportTally.Doc doc(String type, String status, Instant completed, List<ReportTally.Decision> decisions,
                                       List<ReportTally.Waiting> waiting) {
        return new ReportTally.Doc(type, status, T0, completed, decisions, waiting);
    }

    @Test
    void countsByFormAndStatusAndTimesTheEndedOnes() {
        ReportTally tally = new ReportTally();
        tally.add(doc("GENERAL", "APPROVED", h(2), List.of(), List.of()));
        tally.add(doc("GENERAL", "REJECTED", h(10), List.of(), List.of()));
        tally.add(doc("LEAVE", "APPROVED", h(4), List.of(), List.of()));
        tally.add(doc("LEAVE", "WITHDRAWN", h(1), List.of(), List.of()));
        tally.add(doc("LEAVE", "IN_PROGRESS", null, List.of(), List.of()));
        tally.add(doc("LEAVE", "SUBMITTED", null, List.of(), List.of()));
        // approved, then cancelled (휴가 취소): approved, as far as its line's work goes
        tally.add(doc("LEAVE", "CANCELLED", h(6), List.of(), List.of()));

        ApprovalReport r = tally.report("2026-11-01", "2026-11-30", null);
        assertThat(r.total()).isEqualTo(new ApprovalReport.Counts(null, 7, 2, 3, 1, 1));
        assertThat(r.byType()).containsExactly(new ApprovalReport.Counts("GENERAL", 2, 0, 1, 1, 0),
                new ApprovalReport.Counts("LEAVE", 5, 2, 2, 0, 1));
        // the withdrawn one did not end by a decision: 2, 4, 6 and 10 hours
        assertThat(r.completion()).isEqualTo(new ApprovalReport.Durations(4, 4.0, 10.0));
    }

    @Test
    void eachPersonsDecisionsAndWhatWaitsForThemMostWaitingFirst() {
        ReportTally tally = new ReportTally();
        tally.add(doc("GENERAL", "IN_PROGRESS", null,
                List.of(new ReportTally.Decision(LEE, h(0), h(1.5))),
                List.of(new ReportTally.Waiting(PARK, h(1.5)))));
        tally.add(doc("GENERAL", "IN_PROGRESS", null,
                List.of(new ReportTally.Decision(LEE, h(0), h(0.5)), new ReportTally.Decision(JUNG, null, h(3))),
                List.of(new ReportTally.Waiting(PARK, h(0.25)))));

        List<ApprovalReport.ApproverRow> rows = tally.report("a", "b", null).approvers();
        assertThat(rows).extracting(row -> row.approver().name()).containsExactly("박지훈", "이서연", "정하늘");
        assertThat(rows.get(0)).isEqualTo(new ApprovalReport.ApproverRow(PARK, 0, null, null, 2, h(0.25)));
        assertThat(rows.get(1)).isEqualTo(new ApprovalReport.ApproverRow(LEE, 2, 0.5, 1.5, 0, null));
        // a decision whose step's activation the history does not give counts, untimed
        assertThat(rows.get(2)).isEqualTo(new ApprovalReport.ApproverRow(JUNG, 1, null, null, 0, null));
    }

    @Test
    void nearestRankPercentilesToTwoDecimals() {
        assertThat(ReportTally.percentile(List.of(), 50)).isNull();
        assertThat(ReportTally.percentile(List.of(1.0), 90)).isEqualTo(1.0);
        List<Double> ten = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.004);
        assertThat(ReportTally.percentile(ten, 50)).isEqualTo(5.0);
        assertThat(ReportTally.percentile(ten, 90)).isEqualTo(9.0);
        assertThat(ReportTally.percentile(ten, 100)).isEqualTo(10.0);
    }
}
