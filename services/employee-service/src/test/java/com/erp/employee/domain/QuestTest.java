package com.erp.employee.domain;

import static com.erp.routes.testing.Problems.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class QuestTest {

    private static final long MANAGER = 1002;
    private static final long STAFF = 1001;
    private static final long OTHER = 1004;
    private final Instant t = Instant.parse("2026-12-02T00:00:00Z");
    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Seoul");

    @Test
    void aQuestPastItsDueDateIsNoLongerTaken() {
        // due on 2 December in Seoul: still takeable that day, not the next
        Quest q = new Quest("문서 정리", null, 3, java.time.LocalDate.parse("2026-12-02"), MANAGER, t);
        assertThat(statusOf(() -> q.take(STAFF, Instant.parse("2026-12-02T14:59:00Z"), ZONE))).as("the last minute of the due day in Seoul")
                .isEqualTo(200);
        Quest late = new Quest("문서 정리", null, 3, java.time.LocalDate.parse("2026-12-02"), MANAGER, t);
        assertThat(statusOf(() -> late.take(STAFF, Instant.parse("2026-12-02T15:00:00Z"), ZONE))).isEqualTo(409);
        assertThat(late.getStatus()).isEqualTo(Quest.Status.OPEN);
    }

    @Test
    void aRewardPaysWhatIsLeftBelowTheYearlyLimit() {
        assertThat(Quest.payable(3, 0, 20)).isEqualTo(3);
        assertThat(Quest.payable(3, 17, 20)).as("just within").isEqualTo(3);
        assertThat(Quest.payable(3, 19, 20)).as("what is left").isEqualTo(1);
        assertThat(Quest.payable(3, 20, 20)).isZero();
        assertThat(Quest.payable(3, 24, 20)).as("over already (a lower limit now)").isZero();
    }

    @Test
    void postedTakenReportedSentBackAndApproved() {
        Quest q = new Quest("문서 정리", null, 3, null, MANAGER, t);
        assertThat(q.getStatus()).isEqualTo(Quest.Status.OPEN);
        q.take(STAFF, t, ZONE);
        assertThat(q.getStatus()).isEqualTo(Quest.Status.TAKEN);
        assertThat(q.getAssigneeId()).isEqualTo(STAFF);
        q.submit(STAFF, "끝", t);
        q.sendBack(MANAGER, false, "표가 빠졌어요", t);
        assertThat(q.getStatus()).isEqualTo(Quest.Status.TAKEN);
        assertThat(q.getReviewNote()).isEqualTo("표가 빠졌어요");
        q.submit(STAFF, "표 추가", t);
        q.approve(MANAGER, false, "수고했어요", t);
        assertThat(q.getStatus()).isEqualTo(Quest.Status.APPROVED);
    }

    @Test
    void eachStepHasItsPersonAndItsMoment() {
        Quest q = new Quest("문서 정리", null, 3, null, MANAGER, t);
        assertThat(statusOf(() -> q.take(MANAGER, t, ZONE))).as("the poster takes own").isEqualTo(422);
        assertThat(statusOf(() -> q.submit(STAFF, null, t))).as("report before taking").isEqualTo(403);
        assertThat(statusOf(() -> q.approve(MANAGER, false, null, t))).as("approve an open one").isEqualTo(409);
        assertThat(statusOf(() -> q.cancel(STAFF, false, t))).as("someone else cancels").isEqualTo(403);
        q.take(STAFF, t, ZONE);
        assertThat(statusOf(() -> q.take(OTHER, t, ZONE))).as("taken already").isEqualTo(409);
        assertThat(statusOf(() -> q.submit(OTHER, null, t))).as("not theirs").isEqualTo(403);
        assertThat(statusOf(() -> q.approve(MANAGER, false, null, t))).as("not reported yet").isEqualTo(409);
        assertThat(statusOf(() -> q.giveUp(OTHER, t))).as("not theirs to give up").isEqualTo(403);
        q.submit(STAFF, null, t);
        assertThat(statusOf(() -> q.cancel(MANAGER, false, t))).as("reported: it waits for the review").isEqualTo(409);
        assertThat(statusOf(() -> q.giveUp(STAFF, t))).as("reported: no giving up").isEqualTo(409);
        assertThat(statusOf(() -> q.approve(STAFF, false, null, t))).as("the assignee approves own").isEqualTo(403);
        assertThat(statusOf(() -> q.approve(OTHER, false, null, t))).as("another manager").isEqualTo(403);
        q.approve(MANAGER, false, null, t);
        assertThat(statusOf(() -> q.approve(MANAGER, false, null, t))).as("approved once").isEqualTo(409);
    }

    @Test
    void aTakenQuestCanBeGivenUpOrCalledOff() {
        Quest q = new Quest("문서 정리", null, 3, null, MANAGER, t);
        q.take(STAFF, t, ZONE);
        q.submit(STAFF, "초안", t);
        q.sendBack(MANAGER, false, "다시", t);
        q.giveUp(STAFF, t);
        assertThat(q.getStatus()).isEqualTo(Quest.Status.OPEN);
        assertThat(q.getAssigneeId()).isNull();
        assertThat(q.getReport()).as("the next taker starts afresh").isNull();
        q.take(OTHER, t, ZONE);
        q.cancel(MANAGER, false, t);
        assertThat(q.getStatus()).isEqualTo(Quest.Status.CANCELLED);
        assertThat(statusOf(() -> q.take(STAFF, t, ZONE))).isEqualTo(409);

        Quest reported = new Quest("보고서", null, 2, null, MANAGER, t);
        reported.take(STAFF, t, ZONE);
        reported.submit(STAFF, "끝", t);
        assertThat(statusOf(() -> reported.cancel(MANAGER, false, t))).isEqualTo(409);
        reported.cancel(OTHER, true, t); // an administrator, e.g. when its poster has left
        assertThat(reported.getStatus()).isEqualTo(Quest.Status.CANCELLED);
    }

    @Test
    void aQuestSentBackIsNotCalledOffByItsPosterButMayBeGivenUp() {
        Quest q = new Quest("보고서", null, 2, null, MANAGER, t);
        q.take(STAFF, t, ZONE);
        q.submit(STAFF, "끝", t);
        q.sendBack(MANAGER, false, "형식이 달라요", t);
        // sending it back first does not make reported work cancellable without paying
        assertThat(statusOf(() -> q.cancel(MANAGER, false, t))).isEqualTo(409);
        assertThat(q.getStatus()).isEqualTo(Quest.Status.TAKEN);
        q.giveUp(STAFF, t);
        assertThat(q.getReportedAt()).as("open again: nobody's report").isNull();
        q.cancel(MANAGER, false, t);
        assertThat(q.getStatus()).isEqualTo(Quest.Status.CANCELLED);
    }

    @Test
    void anAdministratorReviewsInPlaceOfAPosterWhoLeftAndALeaversQuestIsOpenAgain() {
        Quest q = new Quest("보고서", null, 2, null, MANAGER, t);
        q.take(STAFF, t, ZONE);
        q.submit(STAFF, "끝", t);
        assertThat(statusOf(() -> q.sendBack(OTHER, false, "x", t))).isEqualTo(403);
        q.sendBack(OTHER, true, "형식이 달라요", t);
        q.submit(STAFF, "고쳤어요", t);
        q.approve(OTHER, true, null, t);
        assertThat(q.getStatus()).isEqualTo(Quest.Status.APPROVED);

        Quest inHand = new Quest("정리", null, 2, null, MANAGER, t);
        inHand.take(STAFF, t, ZONE);
        inHand.submit(STAFF, "끝", t);
        inHand.release(t);
        assertThat(inHand.getStatus()).isEqualTo(Quest.Status.OPEN);
        assertThat(inHand.getAssigneeId()).isNull();
        assertThat(inHand.getReport()).isNull();
        inHand.take(OTHER, t, ZONE);
        assertThat(inHand.getAssigneeId()).isEqualTo(OTHER);
    }
}
