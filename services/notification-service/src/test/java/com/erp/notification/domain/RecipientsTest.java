package com.erp.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.QuestEvent;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.common.events.StandIn;
import org.junit.jupiter.api.Test;

class RecipientsTest {

    private final Recipients recipients = new Recipients();
    private final Person drafter = new Person(1, "김민준", "STAFF", "D");
    private final Person lead = new Person(2, "이서연", "TEAM_LEAD", "D");
    private final Progress progress = new Progress(Progress.Status.IN_PROGRESS, 1, List.of());

    @Test
    void aQuestsChangesReachTheOtherSideNeverTheOneWhoMadeThem() {
        Person staff = drafter;
        Person admin = new Person(9, "관리자", "STAFF", "M");
        assertThat(quest("TAKEN", 1L, staff, null)).singleElement().satisfies(x -> {
            assertThat(x.userId()).isEqualTo(lead.id());
            assertThat(x.notification().type()).isEqualTo("QUEST_TAKEN");
            assertThat(x.notification().questId()).isEqualTo(7L);
            assertThat(x.notification().approvalId()).isNull();
            assertThat(x.notification().message()).contains(staff.name()).contains("문서 정리");
        });
        assertThat(quest("REPORTED", 1L, staff, "끝")).singleElement()
                .satisfies(x -> assertThat(x.notification().message()).endsWith("끝"));
        // its poster no longer reviews quests: the administrators who review it in their place are told instead
        List<Delivery> toAdmins = recipients.questNotificationsFor(new QuestEvent("e-rev", "REPORTED", QuestEvent.VERSION,
                Instant.EPOCH, 7, "문서 정리", 1.5, lead.id(), staff.id(), staff, "끝", null, List.of(admin.id(), 10L)));
        assertThat(toAdmins).extracting(Delivery::userId).containsExactly(admin.id(), 10L);
        assertThat(toAdmins.get(0).notification().message()).isEqualTo("김민준 reported '문서 정리' done; its poster no "
                + "longer reviews quests, so it waits for an administrator's review in their place: 끝");
        assertThat(quest("GIVEN_UP", 1L, staff, null)).extracting(Delivery::userId).containsExactly(lead.id());
        assertThat(quest("APPROVED", 1L, lead, null)).singleElement().satisfies(x -> {
            assertThat(x.userId()).isEqualTo(staff.id());
            assertThat(x.notification().message()).contains("1.5 leave day(s)");
        });
        // paid less at the yearly limit: the assignee reads what they earned
        assertThat(recipients.questNotificationsFor(new QuestEvent("e-cap", "APPROVED", QuestEvent.VERSION, Instant.EPOCH,
                7, "문서 정리", 1.5, lead.id(), staff.id(), lead, null, 0.5)).get(0).notification().message())
                .contains("0.5 of its 1.5 leave day(s) earned").contains("yearly limit");
        assertThat(quest("SENT_BACK", 1L, lead, "다시")).singleElement()
                .satisfies(x -> assertThat(x.notification().message()).endsWith("다시"));
        // called off by its poster: the taker hears it; by an administrator: the poster too; an open one by its poster: nobody
        assertThat(quest("CANCELLED", 1L, lead, null)).extracting(Delivery::userId).containsExactly(staff.id());
        assertThat(quest("CANCELLED", 1L, admin, null)).extracting(Delivery::userId).containsExactly(staff.id(), lead.id());
        assertThat(quest("CANCELLED", null, lead, null)).isEmpty();
        // each notification's id is the event's and the person's: a redelivered event stores nothing new
        assertThat(quest("TAKEN", 1L, staff, null).get(0).notification().id()).isEqualTo("e-TAKEN:" + lead.id());
    }

    private List<Delivery> quest(String type, Long assigneeId, Person actor, String note) {
        return recipients.questNotificationsFor(new QuestEvent("e-" + type, type, QuestEvent.VERSION, Instant.EPOCH, 7,
                "문서 정리", 1.5, lead.id(), assigneeId, actor, note, "APPROVED".equals(type) ? 1.5 : null));
    }

    @Test
    void aLineChangeTellsWhoIsOffTheLineAndWhoIsPutOnAStepNotReachedYet() {
        Person head = new Person(3, "박지훈", "DEPT_HEAD", "D");
        Person newLead = new Person(4, "정하늘", "TEAM_LEAD", "S");
        Person newHead = new Person(5, "강도윤", "DEPT_HEAD", "S");
        // steps 1 (active) and 2 change: lead and head off, the new people on
        List<LineStep> line = List.of(new LineStep(1, newLead),
                new LineStep(2, newHead));
        List<Delivery> told = recipients.notificationsFor(ApprovalEvent.of("a1", 2, Instant.EPOCH,
                new EventPayload.LineChanged(drafter.id(), "출장 보고", drafter, List.of(1, 2), line, List.of(lead, head),
                        List.of(newLead, newHead), "조직 개편", progress)));
        // the new approver of the active step is told by its activation, not twice
        assertThat(told).extracting(Delivery::userId).containsExactly(lead.id(), head.id(), newHead.id());
        assertThat(told).allSatisfy(x -> {
            assertThat(x.notification().type()).isEqualTo("LINE_CHANGED");
            assertThat(x.notification().actor()).isEqualTo(drafter);
            assertThat(x.notification().message()).contains("출장 보고").endsWith("Reason: 조직 개편");
        });
        assertThat(told.get(0).notification().message()).contains("took you off");
        assertThat(told.get(2).notification().message()).contains("put you on").contains("step 2 of 2");

        // the two swapped: the lead, whom step 1 waited for, is told it moved to step 2 (the head is asked at step 1)
        List<Delivery> swapped = recipients.notificationsFor(ApprovalEvent.of("a1", 2, Instant.EPOCH,
                new EventPayload.LineChanged(drafter.id(), "출장 보고", drafter, List.of(1, 2),
                        List.of(new LineStep(1, head), new LineStep(2, lead)), List.of(), List.of(), null, progress,
                        List.of(lead))));
        assertThat(swapped).singleElement().satisfies(x -> {
            assertThat(x.userId()).isEqualTo(lead.id());
            assertThat(x.notification().message()).contains("moved you to step 2 of 2").endsWith("reaches you.");
        });

        // the lead's deputy (대결), asked with the lead, never on the line: told it no longer waits for them either
        Person deputy = new Person(7, "오세훈", "TEAM_LEAD", "D");
        List<Delivery> withDeputy = recipients.notificationsFor(ApprovalEvent.of("a1", 2, Instant.EPOCH,
                new EventPayload.LineChanged(drafter.id(), "출장 보고", drafter, List.of(1),
                        List.of(new LineStep(1, newLead), new LineStep(2, head)), List.of(lead), List.of(newLead), null,
                        progress, List.of(lead, deputy))));
        assertThat(withDeputy).extracting(Delivery::userId).containsExactly(lead.id(), deputy.id());
        assertThat(withDeputy.get(1).notification().message())
                .isEqualTo("김민준 changed the approval line of '출장 보고': it no longer waits for a decision you would "
                        + "make for someone away (대결).");
    }

    @Test
    void aReminderReachesWhoeverMustDecideAndTheirDeputiesNotTheDrafter() {
        Person legal = new Person(5, "한지우", "TEAM_LEAD", "L");
        Person deputy = new Person(7, "오세훈", "TEAM_LEAD", "L");
        List<Delivery> told = recipients.reminderNotificationsFor(new ReminderEvent("r1", ReminderEvent.VERSION,
                Instant.EPOCH, "a1", "출장 보고", drafter, 2, 3, List.of(lead, legal), List.of(deputy), Instant.EPOCH, 9));
        assertThat(told).extracting(Delivery::userId).containsExactly(lead.id(), legal.id(), deputy.id());
        assertThat(told).allSatisfy(x -> {
            assertThat(x.notification().type()).isEqualTo("APPROVAL_REMINDER");
            assertThat(x.notification().approvalId()).isEqualTo("a1");
            assertThat(x.notification().actor()).isEqualTo(drafter);
            assertThat(x.notification().message()).contains("출장 보고").contains("9 working hours").contains("step 2 of 3");
        });
        assertThat(told.get(2).notification().message()).contains("대결").contains(lead.name()).contains(legal.name());
        assertThat(told.get(0).notification().id()).isEqualTo("r1:" + lead.id());
        assertThat(told.get(0).notification().message()).startsWith("Reminder (독촉)");

        // the drafter asked for it themselves
        List<Delivery> asked = recipients.reminderNotificationsFor(new ReminderEvent("r2", ReminderEvent.VERSION,
                Instant.EPOCH, "a1", "출장 보고", drafter, 1, 3, List.of(lead), null, Instant.EPOCH, 1, drafter));
        assertThat(asked).singleElement().satisfies(x -> assertThat(x.notification().message())
                .startsWith(drafter.name() + " asks for a decision (독촉)").contains("1 working hour "));
    }

    @Test
    void aReminderOfAStepWaitingOnSomeoneWhoLeftGoesToTheDrafterWithWhatToDo() {
        Person legal = new Person(5, "한지우", "TEAM_LEAD", "L");
        Recipients knowing = new Recipients(id -> id == lead.id(), () -> null);
        List<Delivery> told = knowing.reminderNotificationsFor(new ReminderEvent("r3", ReminderEvent.VERSION,
                Instant.EPOCH, "a1", "출장 보고", drafter, 2, 3, List.of(lead, legal), null, Instant.EPOCH, 9));
        // the agreer still here is reminded; the drafter is told about the one who left, not them
        assertThat(told).extracting(Delivery::userId).containsExactly(legal.id(), drafter.id());
        assertThat(told.get(1).notification().type()).isEqualTo("APPROVER_LEFT");
        assertThat(told.get(1).notification().id()).isEqualTo("r3:left:" + drafter.id());
        assertThat(told.get(1).notification().message()).contains(lead.name()).contains("퇴사").contains("회수")
                .contains("결재선 변경").contains("step 2 of 3").doesNotContain(legal.name());
    }

    @Test
    void anOverdueStepsPeriodicReminderAlsoTellsTheDrafterWhatTheyCanDo() {
        List<Delivery> told = recipients.reminderNotificationsFor(new ReminderEvent("r5", ReminderEvent.VERSION,
                Instant.EPOCH, "a1", "출장 보고", drafter, 1, 2, List.of(lead), null, Instant.EPOCH, 24, null, null, true));
        assertThat(told).extracting(Delivery::userId).containsExactly(lead.id(), drafter.id());
        assertThat(told.get(1).notification().type()).isEqualTo("APPROVAL_OVERDUE");
        assertThat(told.get(1).notification().id()).isEqualTo("r5:overdue:" + drafter.id());
        assertThat(told.get(1).notification().message()).contains("24 working hours").contains(lead.name())
                .contains("결재선 변경").contains("회수").contains("step 1 of 2");
        // not yet overdue, or the drafter's own reminder: only the approver
        assertThat(recipients.reminderNotificationsFor(new ReminderEvent("r6", ReminderEvent.VERSION, Instant.EPOCH,
                "a1", "출장 보고", drafter, 1, 2, List.of(lead), null, Instant.EPOCH, 16, null, null, null)))
                .extracting(Delivery::userId).containsExactly(lead.id());
        assertThat(recipients.reminderNotificationsFor(new ReminderEvent("r7", ReminderEvent.VERSION, Instant.EPOCH,
                "a1", "출장 보고", drafter, 1, 2, List.of(lead), null, Instant.EPOCH, 30, drafter, null, true)))
                .extracting(Delivery::userId).containsExactly(lead.id());
    }

    @Test
    void anEscalatedReminderAlsoTellsTheSuperiorsOfWhoeverItWaitsOnUnlessTheyLeft() {
        Person head = new Person(3, "박지훈", "DEPT_HEAD", "D");
        Person gone = new Person(77, "떠난 사람", "DEPT_HEAD", "D");
        List<Delivery> told = new Recipients(id -> id == 77, () -> null).reminderNotificationsFor(new ReminderEvent("r8",
                ReminderEvent.VERSION, Instant.EPOCH, "a1", "출장 보고", drafter, 1, 2, List.of(lead), null,
                Instant.EPOCH, 40, null, null, true, List.of(head, gone)));
        assertThat(told).extracting(Delivery::userId).containsExactly(lead.id(), drafter.id(), head.id());
        Delivery escalated = told.get(2);
        assertThat(escalated.notification().type()).isEqualTo("APPROVAL_ESCALATED");
        assertThat(escalated.notification().id()).isEqualTo("r8:escalated:" + head.id());
        assertThat(escalated.notification().approvalId()).isEqualTo("a1");
        assertThat(escalated.notification().message()).contains("출장 보고").contains("40 working hours")
                .contains(lead.name()).contains("상위자").contains("step 1 of 2");
    }

    /** 인수: with a successor standing in for the one who left, the successor is asked and reminded; the drafter not told. */
    @Test
    void aStepWaitingOnSomeoneWhoLeftWithASuccessorGoesToTheSuccessor() {
        Person legal = new Person(5, "한지우", "TEAM_LEAD", "L");
        Person successor = new Person(8, "윤채원", "TEAM_LEAD", "D");
        Recipients knowing = new Recipients(id -> id == lead.id(), () -> null);
        List<StandIn> standIns = List.of(new StandIn(successor, lead));
        List<Delivery> reminded = knowing.reminderNotificationsFor(new ReminderEvent("r4", ReminderEvent.VERSION,
                Instant.EPOCH, "a1", "출장 보고", drafter, 2, 3, List.of(lead, legal), List.of(successor), Instant.EPOCH, 9,
                null, standIns));
        assertThat(reminded).extracting(Delivery::userId).containsExactly(legal.id(), successor.id());
        assertThat(reminded).extracting(d -> d.notification().type()).containsOnly("APPROVAL_REMINDER");
        assertThat(reminded.get(1).notification().message()).contains(lead.name()).contains("인수").contains("퇴사")
                .doesNotContain("away");

        List<Delivery> asked = knowing.notificationsFor(ApprovalEvent.of("a1", 3, Instant.EPOCH,
                new EventPayload.StepActivated(drafter.id(), "출장 보고", drafter, 2, 3, List.of(lead), null, null,
                        List.of(successor), null, standIns)));
        assertThat(asked).filteredOn(d -> d.userId() == successor.id()).singleElement()
                .satisfies(d -> assertThat(d.notification().message()).contains("You decide for " + lead.name())
                        .contains("인수"));

        // a deputy of someone still here (away) is asked as a deputy
        List<Delivery> away = new Recipients(id -> false, () -> null).notificationsFor(ApprovalEvent.of("a1", 3, Instant.EPOCH,
                new EventPayload.StepActivated(drafter.id(), "출장 보고", drafter, 2, 3, List.of(lead), null, null,
                        List.of(successor), null, standIns)));
        assertThat(away).filteredOn(d -> d.userId() == successor.id()).singleElement()
                .satisfies(d -> assertThat(d.notification().message()).contains("대결").doesNotContain("인수"));
    }

    @Test
    void theDrafterOfARefusedLeaveIsToldWhy() {
        List<Delivery> d = recipients.notificationsFor(ApprovalEvent.of("l", 1, Instant.EPOCH, new EventPayload.LeaveRefused(1,
                "연차", drafter, LeaveRules.leave("ANNUAL", "2031-03-03", null, CompanyDays.WEEKDAYS), 0.5,
                "Not enough annual leave: this asks for 1 day, 0.5 days left of 2031's 15 days.",
                new Progress(Progress.Status.REJECTED, null, List.of()))));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.userId()).isEqualTo(1);
            assertThat(x.notification().type()).isEqualTo("LEAVE_REFUSED");
            assertThat(x.notification().message()).contains("연차").contains("0.5 days left");
        });
    }

    @Test
    void theDrafterOfASubmissionProcessingRefusedIsToldWhyAndNobodyElse() {
        List<Delivery> d = recipients.notificationsFor(ApprovalEvent.of("r", ApprovalEvent.FINAL_SEQUENCE, Instant.EPOCH,
                new EventPayload.Refused(1, "출장 보고", drafter, "submission r: the drafter is on the line",
                        new Progress(Progress.Status.REJECTED, null, List.of()))));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.userId()).isEqualTo(1);
            assertThat(x.notification().type()).isEqualTo("APPROVAL_REJECTED");
            assertThat(x.notification().message()).contains("출장 보고").contains("the drafter is on the line");
        });
    }

    @Test
    void theActiveApproverIsAskedToAct() {
        List<Delivery> d = recipients.notificationsFor(ApprovalEvent.of("a", 1, Instant.EPOCH,
                new EventPayload.StepActivated(1, "출장", drafter, 1, 2, List.of(lead), progress)));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.userId()).isEqualTo(2);
            assertThat(x.notification().type()).isEqualTo("APPROVAL_REQUESTED");
            assertThat(x.notification().message()).contains("You have a document to approve").contains("출장");
        });
    }

    @Test
    void theDeputyOfTheActiveApproverIsAskedTooAndTheApproverHearsWhatTheDeputyDecided() {
        Person deputy = new Person(7, "박지훈", "TEAM_LEAD", "D");
        List<Delivery> asked = told(ApprovalEvent.of("a", 1, Instant.EPOCH,
                new EventPayload.StepActivated(1, "출장", drafter, 1, 2, List.of(lead), progress, null, List.of(deputy))));
        assertThat(asked).extracting(Delivery::userId).containsExactly(2L, 7L);
        assertThat(asked.get(1).notification().type()).isEqualTo("APPROVAL_REQUESTED");
        assertThat(asked.get(1).notification().message()).contains("You decide for 이서연").contains("대결").contains("출장");

        List<Delivery> decided = told(ApprovalEvent.of("a", 2, Instant.EPOCH,
                new EventPayload.Decided(1, "출장", 1, 2, deputy, EventPayload.Decision.REJECTED, "예산", progress, lead)));
        assertThat(decided).extracting(Delivery::userId).containsExactly(1L, 2L);
        assertThat(decided.get(0).notification().message()).contains("박지훈 rejected").contains("대결, for 이서연");
        assertThat(decided.get(1).notification().type()).isEqualTo("DECIDED_FOR_YOU");
        assertThat(decided.get(1).notification().message()).contains("박지훈 rejected '출장' for you").contains("예산");
        assertThat(decided.get(1).notification().id()).isNotEqualTo(decided.get(0).notification().id());
    }

    /** The approver came back and decided themselves: the deputy who had it in their inbox learns it is done. */
    @Test
    void theDeputyIsToldWhenTheApproverDecidedTheirStepThemselves() {
        Person deputy = new Person(7, "박지훈", "TEAM_LEAD", "D");
        List<StandIn> standIn = List.of(new StandIn(deputy, lead));
        List<Delivery> approved = told(ApprovalEvent.of("a", 2, Instant.EPOCH, new EventPayload.Decided(1, "출장", 1, 2,
                lead, EventPayload.Decision.APPROVED, null, progress, null, null, null, standIn)));
        assertThat(approved).extracting(Delivery::userId).containsExactly(drafter.id(), deputy.id());
        assertThat(approved.get(1).notification().type()).isEqualTo("APPROVER_DECIDED");
        assertThat(approved.get(1).notification().message()).isEqualTo(
                "이서연 decided step 1 of '출장' themselves (approved); it needs nothing from you for them any more.");
        // where they stand: a reminder made before it, arriving late, does not ask them again
        assertThat(approved.get(1).standing()).isEqualTo(2L);
        assertThat(approved).extracting(d -> d.notification().id()).doesNotHaveDuplicates();

        List<Delivery> returned = told(ApprovalEvent.of("a", 4, Instant.EPOCH, new EventPayload.Decided(1, "출장", 2, 2,
                lead, EventPayload.Decision.RETURNED, "보완", progress, null, null, List.of(drafter), standIn)));
        assertThat(returned.get(returned.size() - 1).notification().message()).isEqualTo(
                "이서연 decided step 2 of '출장' themselves (sent back to step 1); it needs nothing from you for them any more.");
        List<Delivery> disagreed = told(ApprovalEvent.of("a", 4, Instant.EPOCH, new EventPayload.Decided(1, "출장", 2, 3,
                lead, EventPayload.Decision.DISAGREED, "반대", progress, null, null, null, standIn)));
        assertThat(disagreed).extracting(Delivery::userId).containsExactly(drafter.id(), deputy.id());
        assertThat(disagreed.get(1).notification().message()).contains("themselves (disagreed, 합의)");
    }

    @Test
    void everyAgreerIsAskedToAgreeAndTheDrafterHearsEachPart() {
        Person other = new Person(8, "강도윤", "DEPT_HEAD", "S");
        List<Delivery> asked = told(ApprovalEvent.of("a", 1, Instant.EPOCH,
                new EventPayload.StepActivated(1, "출장", drafter, 2, 3, List.of(lead, other), progress, null, null, true)));
        assertThat(asked).extracting(Delivery::userId).containsExactly(2L, 8L);
        assertThat(asked).allSatisfy(d -> assertThat(d.notification().message()).contains("asked to agree (합의)"));

        // 강도윤 is away: their deputy is told whom they decide for, not "one of" the agreers
        Person deputy = new Person(9, "오세훈", "TEAM_LEAD", "S");
        List<Delivery> withDeputy = told(ApprovalEvent.of("a", 1, Instant.EPOCH,
                new EventPayload.StepActivated(1, "출장", drafter, 2, 3, List.of(lead, other), progress, null,
                        List.of(deputy), true, List.of(new StandIn(deputy, other)))));
        assertThat(withDeputy).extracting(Delivery::userId).containsExactly(2L, 8L, 9L);
        assertThat(withDeputy.get(2).notification().message()).contains("You decide for 강도윤 while")
                .doesNotContain("one of");
        // an event from before stand-ins were named still reads
        assertThat(told(ApprovalEvent.of("a", 1, Instant.EPOCH,
                new EventPayload.StepActivated(1, "출장", drafter, 2, 3, List.of(lead, other), progress, null,
                        List.of(deputy), true))).get(2).notification().message()).contains("one of 이서연, 강도윤");

        assertThat(told(ApprovalEvent.of("a", 2, Instant.EPOCH, new EventPayload.Decided(1, "출장", 2, 3,
                other, EventPayload.Decision.AGREED, null, progress)))).singleElement().satisfies(x -> {
                    assertThat(x.notification().type()).isEqualTo("STEP_APPROVED");
                    assertThat(x.notification().message()).contains("강도윤 agreed (합의)");
                });
        assertThat(told(ApprovalEvent.of("a", 3, Instant.EPOCH, new EventPayload.Decided(1, "출장", 2, 3,
                other, EventPayload.Decision.DISAGREED, "일정 충돌", progress)))).singleElement().satisfies(x -> {
                    assertThat(x.notification().type()).isEqualTo("STEP_REJECTED");
                    assertThat(x.notification().message()).contains("disagreed").contains("일정 충돌");
                });
        // the document rejected by it: the agreer still to decide (skipped) is asked no more; who agreed is not told
        Person third = new Person(8, "윤서준", "TEAM_LEAD", "L");
        Progress closed = new Progress(Progress.Status.REJECTED, 2, List.of(
                new Progress.StepProgress(1, Progress.StepStatus.APPROVED, Instant.EPOCH, null, null, null),
                new Progress.StepProgress(2, Progress.StepStatus.REJECTED, Instant.EPOCH, "일정 충돌", null, List.of(
                        new Progress.Agreement(lead, Progress.StepStatus.APPROVED, Instant.EPOCH, null, null),
                        new Progress.Agreement(other, Progress.StepStatus.REJECTED, Instant.EPOCH, "일정 충돌", null),
                        new Progress.Agreement(third, Progress.StepStatus.SKIPPED, null, null, null)))));
        List<Delivery> rejected = told(ApprovalEvent.of("a", 4, Instant.EPOCH,
                new EventPayload.Rejected(1, "출장", 2, other, "일정 충돌", closed)));
        assertThat(rejected).extracting(Delivery::userId).containsExactly(1L, third.id());
        assertThat(rejected.get(1).notification().message())
                .isEqualTo("'출장' is rejected: 강도윤 disagreed at its 합의; it needs nothing from you any more.");
        assertThat(rejected.get(1).standing()).isEqualTo(4L);

        // whoever decides for skipped agreers today (대결) is told once, naming each they stand in for
        Person fourth = new Person(10, "한지민", "TEAM_LEAD", "L");
        Person skippedsDeputy = new Person(11, "오세훈", "TEAM_LEAD", "L");
        // (in cc too: told both, each notification with an id of its own)
        List<Delivery> toldDeputy = told(ApprovalEvent.of("a", 4, Instant.EPOCH, new EventPayload.Rejected(1, "출장", 2,
                other, "일정 충돌", closed, List.of(skippedsDeputy), null, null,
                List.of(new StandIn(skippedsDeputy, third), new StandIn(skippedsDeputy, fourth)))));
        assertThat(toldDeputy).extracting(Delivery::userId).containsExactly(1L, skippedsDeputy.id(), third.id(), skippedsDeputy.id());
        assertThat(toldDeputy).extracting(d -> d.notification().id()).doesNotHaveDuplicates();
        assertThat(toldDeputy.get(3).notification().message()).isEqualTo("'출장' is rejected: 강도윤 disagreed at its 합의; "
                + "it needs nothing from you for 윤서준, 한지민 any more.");
        assertThat(toldDeputy.get(3).notification().type()).isEqualTo("APPROVAL_REJECTED");
        assertThat(toldDeputy.get(3).standing()).isEqualTo(4L);
    }

    @Test
    void theReceiversGetTheApprovedDocument() {
        Person receiver = new Person(9, "최유진", "STAFF", "S");
        List<Delivery> told = recipients.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH,
                new EventPayload.Completed(1, "출장", lead, progress, null, List.of(receiver))));
        assertThat(told).extracting(Delivery::userId).containsExactly(1L, 9L);
        assertThat(told.get(1).notification().type()).isEqualTo("DOCUMENT_RECEIVED");
        assertThat(told.get(1).notification().message()).contains("sent to you (수신)");
        // a rejection is not sent to them
        assertThat(recipients.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH,
                new EventPayload.Rejected(1, "출장", 1, lead, "no", progress)))).extracting(Delivery::userId).containsExactly(1L);
    }

    @Test
    void theHeadsOfTheReceivingDepartmentsAreToldUnlessToldAlready() {
        Person salesHead = new Person(12, "강도윤", "DEPT_HEAD", "영업본부");
        Person devHead = new Person(3, "박지훈", "DEPT_HEAD", "개발본부");
        List<Delivery> told = recipients.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH,
                new EventPayload.Completed(1, "출장", lead, progress, List.of(devHead), null, null, List.of(
                        new ReceivingDepartment(2, "영업본부", salesHead),
                        new ReceivingDepartment(1, "개발본부", devHead),
                        new ReceivingDepartment(3, "경영지원본부", null)))));
        // the drafter, the head in cc once (as cc), the other head as its department's; a department without a head: nobody
        assertThat(told).extracting(Delivery::userId).containsExactly(1L, 3L, 12L);
        assertThat(told.get(2).notification().type()).isEqualTo("DOCUMENT_RECEIVED");
        assertThat(told.get(2).notification().message()).contains("sent to 영업본부 (수신처)").contains("접수");
    }

    /**
     * The org chart says who heads a receiving department now: the head the document kept from its submission, who
     * has moved away since (and no longer reads it), is not told of its approval, its comments or its acknowledgement;
     * the new head is. A department the chart gives no head tells nobody. Without a chart, the kept head.
     */
    @Test
    void theHeadOfAReceivingDepartmentIsWhoeverHeadsItNowByTheOrgChart() {
        Person movedAway = new Person(12, "강도윤", "DEPT_HEAD", "영업본부");
        Person newHead = new Person(15, "한지민", "DEPT_HEAD", "영업본부");
        Person receiver = new Person(9, "최유진", "STAFF", "영업본부");
        java.util.Map<Long, Person> chart = new java.util.HashMap<>(java.util.Map.of(2L, newHead));
        Recipients knowing = new Recipients(id -> false, () -> chart);
        List<ReceivingDepartment> sentTo = List.of(new ReceivingDepartment(2, "영업본부", movedAway),
                new ReceivingDepartment(3, "경영지원본부", new Person(20, "옛 본부장", "DEPT_HEAD", "경영지원본부")));

        assertThat(knowing.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH,
                new EventPayload.Completed(1, "출장", lead, progress, null, null, null, sentTo))))
                .extracting(Delivery::userId).containsExactly(1L, 15L);
        assertThat(knowing.notificationsFor(ApprovalEvent.of("a", 6, Instant.EPOCH,
                new EventPayload.Commented(1, "출장", lead, "확인 부탁드립니다", List.of(drafter), sentTo))))
                .extracting(Delivery::userId).containsExactly(1L, 15L);
        assertThat(knowing.notificationsFor(ApprovalEvent.of("a", 7, Instant.EPOCH,
                new EventPayload.Received(1, "출장", receiver, sentTo.get(0)))))
                .extracting(Delivery::userId).containsExactly(1L, 15L);
        // the new head's own comment: not told of it
        assertThat(knowing.notificationsFor(ApprovalEvent.of("a", 8, Instant.EPOCH,
                new EventPayload.Commented(1, "출장", newHead, "확인", List.of(drafter), sentTo))))
                .extracting(Delivery::userId).containsExactly(1L);

        // no chart with heads yet: the heads kept with the document
        assertThat(recipients.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH,
                new EventPayload.Completed(1, "출장", lead, progress, null, null, null, sentTo))))
                .extracting(Delivery::userId).containsExactly(1L, 12L, 20L);
        assertThat(recipients.notificationsFor(ApprovalEvent.of("a", 6, Instant.EPOCH,
                new EventPayload.Commented(1, "출장", lead, "확인", List.of(drafter), sentTo))))
                .extracting(Delivery::userId).containsExactly(1L, 12L, 20L);
    }

    @Test
    void theDrafterHearsWhoAcknowledgedTheDocumentAndTheHeadWhoDidForTheirDepartment() {
        Person receiver = new Person(9, "최유진", "STAFF", "영업본부");
        Person salesHead = new Person(12, "강도윤", "DEPT_HEAD", "영업본부");
        List<Delivery> own = recipients.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH,
                new EventPayload.Received(1, "출장", receiver, null)));
        assertThat(own).singleElement().satisfies(x -> {
            assertThat(x.userId()).isEqualTo(1);
            assertThat(x.notification().type()).isEqualTo("DOCUMENT_ACKNOWLEDGED");
            assertThat(x.notification().message()).isEqualTo("최유진 acknowledged (접수) '출장'.");
            assertThat(x.notification().approvalId()).isEqualTo("a");
        });

        List<Delivery> forDepartment = recipients.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH,
                new EventPayload.Received(1, "출장", receiver, new ReceivingDepartment(2, "영업본부", salesHead))));
        assertThat(forDepartment).extracting(Delivery::userId).containsExactly(1L, 12L);
        assertThat(forDepartment).extracting(x -> x.notification().type()).containsOnly("DOCUMENT_ACKNOWLEDGED");
        assertThat(forDepartment.get(0).notification().message()).contains("최유진").contains("for 영업본부 (수신처)");
        assertThat(forDepartment.get(1).notification().message()).contains("for 영업본부, which you head");

        // the head who took it themselves, or a department without a head: only the drafter
        assertThat(recipients.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH, new EventPayload.Received(1, "출장",
                salesHead, new ReceivingDepartment(2, "영업본부", salesHead))))).extracting(Delivery::userId).containsExactly(1L);
        assertThat(recipients.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH, new EventPayload.Received(1, "출장",
                receiver, new ReceivingDepartment(3, "경영지원본부", null))))).extracting(Delivery::userId).containsExactly(1L);
        // the drafter who acknowledged it for their own department: only the head hears of it
        assertThat(recipients.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH, new EventPayload.Received(9, "출장",
                receiver, new ReceivingDepartment(2, "영업본부", salesHead))))).extracting(Delivery::userId)
                .containsExactly(12L);
    }

    @Test
    void theDrafterHearsOfEveryDecisionAndTheResult() {
        assertThat(told(ApprovalEvent.of("a", 2, Instant.EPOCH, new EventPayload.Decided(1, "출장", 1, 2,
                lead, EventPayload.Decision.REJECTED, "예산", progress))))
                .singleElement().satisfies(x -> {
                    assertThat(x.userId()).isEqualTo(1);
                    assertThat(x.notification().type()).isEqualTo("STEP_REJECTED");
                    assertThat(x.notification().message()).contains("예산");
                });
        assertThat(told(ApprovalEvent.of("a", 2, Instant.EPOCH, new EventPayload.Decided(1, "출장", 1, 2,
                lead, EventPayload.Decision.APPROVED_FINAL, null, progress))))
                .singleElement().satisfies(x -> {
                    assertThat(x.notification().type()).isEqualTo("STEP_APPROVED");
                    assertThat(x.notification().message()).contains("final authority (전결)").contains("later steps are skipped");
                });
        assertThat(told(ApprovalEvent.of("a", 3, Instant.EPOCH,
                new EventPayload.Completed(1, "출장", lead, progress))))
                .extracting(x -> x.notification().type()).containsExactly("APPROVAL_COMPLETED");
        assertThat(told(ApprovalEvent.of("a", 3, Instant.EPOCH,
                new EventPayload.Rejected(1, "출장", 1, lead, "예산", progress))))
                .extracting(x -> x.notification().type()).containsExactly("APPROVAL_REJECTED");
    }

    @Test
    void aCommentReachesItsAudienceWithItsTextShortenedWhenLong() {
        Person cc = new Person(7, "정하늘", "STAFF", "E");
        List<Delivery> d = recipients.notificationsFor(ApprovalEvent.of("a", 3, Instant.EPOCH,
                new EventPayload.Commented(1, "출장", lead, "일정 확인 부탁드립니다", List.of(drafter, cc))));
        assertThat(d).extracting(Delivery::userId).containsExactly(drafter.id(), cc.id());
        assertThat(d).extracting(x -> x.notification().type()).containsOnly("COMMENT_ADDED");
        assertThat(d.get(0).notification().message()).isEqualTo("이서연 commented on '출장': 일정 확인 부탁드립니다");
        assertThat(d.get(0).notification().approvalId()).isEqualTo("a");
        String longText = "가".repeat(300);
        assertThat(recipients.notificationsFor(ApprovalEvent.of("a", 3, Instant.EPOCH, new EventPayload.Commented(1, "출장",
                lead, longText, List.of(drafter)))).get(0).notification().message()).endsWith("가".repeat(200) + "…");
    }

    @Test
    void aDocumentSentBackTellsTheDrafterAndTheStepItGoesBackToWhy() {
        Person head = new Person(3, "박지훈", "DEPT_HEAD", "D");
        List<Delivery> d = told(ApprovalEvent.of("a", 4, Instant.EPOCH, new EventPayload.Decided(1,
                "출장", 2, 2, head, EventPayload.Decision.RETURNED, "예산 근거 보완", progress, null, null, List.of(lead))));
        assertThat(d).extracting(Delivery::userId).containsExactly(drafter.id(), lead.id());
        assertThat(d).extracting(x -> x.notification().type()).containsOnly("APPROVAL_RETURNED");
        assertThat(d.get(0).notification().message()).isEqualTo("박지훈 sent '출장' back from step 2 to step 1: 예산 근거 보완");
        assertThat(d.get(1).notification().message()).contains("back to you (step 1) to decide again: 예산 근거 보완");
        // the step sent back to stands with its activation (5, another topic, maybe read first), which asks it again
        assertThat(d).extracting(Delivery::standing).containsExactly(null, 5L);
        // by the head's deputy: the head hears of it too
        Person deputy = new Person(7, "정하늘", "TEAM_LEAD", "D");
        assertThat(told(ApprovalEvent.of("a", 4, Instant.EPOCH, new EventPayload.Decided(1, "출장",
                2, 2, deputy, EventPayload.Decision.RETURNED, "보완", progress, head, null, List.of(lead)))))
                .extracting(Delivery::userId).containsExactly(drafter.id(), lead.id(), head.id());
    }

    @Test
    void aHoldTellsTheDrafterWhy() {
        Person head = new Person(3, "박지훈", "DEPT_HEAD", "D");
        List<Delivery> d = told(ApprovalEvent.of("a", 4, Instant.EPOCH, new EventPayload.Decided(1,
                "출장", 2, 2, head, EventPayload.Decision.HELD, "예산 확인 후 결정", progress, null)));
        assertThat(d).extracting(Delivery::userId).containsExactly(drafter.id());
        assertThat(d.get(0).notification().type()).isEqualTo("STEP_HELD");
        assertThat(d.get(0).notification().message()).isEqualTo("박지훈 put '출장' on hold (보류) at step 2 of 2: 예산 확인 후 결정");
        // by the head's deputy: the head hears of it too
        Person deputy = new Person(7, "정하늘", "TEAM_LEAD", "D");
        List<Delivery> byDeputy = told(ApprovalEvent.of("a", 4, Instant.EPOCH,
                new EventPayload.Decided(1, "출장", 2, 2, deputy, EventPayload.Decision.HELD, "복귀 후", progress, head)));
        assertThat(byDeputy).extracting(Delivery::userId).containsExactly(drafter.id(), head.id());
        assertThat(byDeputy.get(0).notification().message()).contains("(대결, for 박지훈)");
        assertThat(byDeputy.get(1).notification().type()).isEqualTo("DECIDED_FOR_YOU");
        assertThat(byDeputy.get(1).notification().message()).contains("on hold (보류) at step 2 for you").endsWith(": 복귀 후");
    }

    @Test
    void aRetractionTellsTheDrafterAndTheNextStepsPeopleNotWhoTookItBack() {
        Person head = new Person(3, "박지훈", "DEPT_HEAD", "D");
        List<Delivery> d = told(ApprovalEvent.of("a", 4, Instant.EPOCH, new EventPayload.Decided(1,
                "출장", 1, 2, lead, EventPayload.Decision.RETRACTED, "금액 재확인", progress, null, List.of(head))));
        assertThat(d).extracting(Delivery::userId).containsExactly(drafter.id(), head.id());
        assertThat(d).extracting(x -> x.notification().type()).containsOnly("APPROVAL_RETRACTED");
        assertThat(d.get(0).notification().message()).contains("이서연 took back their approval of step 1 of '출장'")
                .contains("waits for a decision again").endsWith("Reason: 금액 재확인");
        assertThat(d.get(1).notification().message()).contains("no longer waits for you");
        // where the next step's people stand (not told after a newer state); the drafter's is a report, always told
        assertThat(d).extracting(Delivery::standing).containsExactly(null, 4L);
        // taken back by a deputy: the drafter reads for whom, and the absent approver is told too
        Person deputy = new Person(7, "정하늘", "TEAM_LEAD", "D");
        List<Delivery> byDeputy = told(ApprovalEvent.of("a", 4, Instant.EPOCH, new EventPayload.Decided(
                1, "출장", 1, 2, deputy, EventPayload.Decision.RETRACTED, null, progress, lead, List.of(head))));
        assertThat(byDeputy).extracting(Delivery::userId).containsExactly(drafter.id(), lead.id(), head.id());
        assertThat(byDeputy.get(0).notification().message()).contains("(대결, for 이서연)").endsWith("again.");
        assertThat(byDeputy.get(1).notification().message()).contains("they made for you");
        // the absent approver, asked again by the step's activation (5), stands with it; the next step's at 4
        assertThat(byDeputy).extracting(Delivery::standing).containsExactly(null, 5L, 4L);
    }

    @Test
    void theApproversADocumentHadReachedHearOfItsWithdrawalAndTheDrafterDoesNot() {
        Person head = new Person(3, "head", "DEPT_HEAD", "D");
        List<Delivery> d = recipients.notificationsFor(ApprovalEvent.of("a", 4, Instant.EPOCH,
                new EventPayload.Withdrawn(1, "출장", drafter, 2, List.of(lead, head), "날짜 변경", progress)));
        assertThat(d).extracting(Delivery::userId).containsExactly(2L, 3L);
        assertThat(d).allSatisfy(x -> {
            assertThat(x.notification().type()).isEqualTo("APPROVAL_WITHDRAWN");
            assertThat(x.notification().actor()).isEqualTo(drafter);
            assertThat(x.notification().message()).contains("withdrew").contains("출장").contains("날짜 변경");
        });
        assertThat(recipients.notificationsFor(ApprovalEvent.of("a", 2, Instant.EPOCH,
                new EventPayload.Withdrawn(1, "출장", drafter, 1, List.of(lead), null, progress))))
                .singleElement().satisfies(x -> assertThat(x.notification().message()).doesNotContain("Reason"));
    }

    /** Told by a line change it would come to them, and it ended before it did: told so, however it ended. */
    @Test
    void whoALineChangeToldItWouldComeToThemHearsItEndedBeforeItDid() {
        Person later = new Person(5, "법무", "TEAM_LEAD", "L");
        List<Delivery> withdrawn = recipients.notificationsFor(ApprovalEvent.of("a", 4, Instant.EPOCH,
                new EventPayload.Withdrawn(1, "출장", drafter, 1, List.of(lead), null, progress, null, List.of(later))));
        assertThat(withdrawn).extracting(Delivery::userId).containsExactly(2L, 5L);
        assertThat(withdrawn.get(1).notification().type()).isEqualTo("APPROVAL_WITHDRAWN");
        assertThat(withdrawn.get(1).standing()).isEqualTo(4L);

        List<Delivery> rejected = recipients.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH,
                new EventPayload.Rejected(1, "출장", 1, lead, "다시", progress, null, null, List.of(later))));
        assertThat(rejected).extracting(Delivery::userId).containsExactly(1L, 5L);
        assertThat(rejected.get(1).notification().message()).contains("before your step");
        assertThat(rejected.get(1).notification().type()).isEqualTo("APPROVAL_REJECTED");

        List<Delivery> completed = recipients.notificationsFor(ApprovalEvent.of("a", 6, Instant.EPOCH,
                new EventPayload.Completed(1, "출장", lead, progress, null, null, null, null, List.of(later))));
        assertThat(completed).extracting(Delivery::userId).containsExactly(1L, 5L);
        assertThat(completed.get(1).notification().message()).contains("전결").contains("before your step");
    }

    @Test
    void aCancelledLeaveTellsWhomItHadReachedAndItsDrafterWhenSomeoneElseCancelledIt() {
        Person head = new Person(3, "박지훈", "DEPT_HEAD", "D");
        Person admin = new Person(10, "관리자", "STAFF", "경영지원본부");
        com.erp.routes.common.events.Leave leave = LeaveRules.leave("ANNUAL", "2031-03-03", "2031-03-05", CompanyDays.WEEKDAYS);
        List<Delivery> all = recipients.notificationsFor(ApprovalEvent.of("l", 5, Instant.EPOCH,
                new EventPayload.LeaveCancelled(1, "여름 휴가", drafter, leave, "일정 변경", List.of(lead, head), null)));
        // who cancelled it is told nothing, only marked as standing after it (no late approval is told them)
        Delivery mark = all.get(all.size() - 1);
        assertThat(mark.isStandingOnly()).isTrue();
        assertThat(mark.userId()).isEqualTo(drafter.id());
        assertThat(mark.standing()).isEqualTo(Recipients.FINAL_STANDING);
        List<Delivery> byDrafter = all.subList(0, all.size() - 1);
        assertThat(byDrafter).extracting(Delivery::userId).containsExactly(2L, 3L);
        assertThat(byDrafter).extracting(Delivery::standing).as("after any state: a cancelled leave is final")
                .containsOnly(Recipients.FINAL_STANDING);
        assertThat(byDrafter).allSatisfy(x -> {
            assertThat(x.notification().type()).isEqualTo("LEAVE_CANCELLED");
            assertThat(x.notification().actor()).isEqualTo(drafter);
            assertThat(x.notification().message()).isEqualTo(
                    "김민준 cancelled the leave '여름 휴가' (2031-03-03 to 2031-03-05). Reason: 일정 변경");
        });

        List<Delivery> byAdmin = recipients.notificationsFor(ApprovalEvent.of("l", 5, Instant.EPOCH,
                new EventPayload.LeaveCancelled(1, "여름 휴가", admin, leave, null, List.of(drafter, lead, admin),
                        List.of(new ReceivingDepartment(5, "인사팀", head)))));
        // the head of the receiving department nobody acknowledged it for, too
        assertThat(byAdmin).filteredOn(d -> !d.isStandingOnly()).extracting(Delivery::userId).as("never who cancelled it")
                .containsExactly(1L, 2L, 3L);
        assertThat(byAdmin).filteredOn(Delivery::isStandingOnly).extracting(Delivery::userId).containsExactly(admin.id());
        assertThat(byAdmin.get(0).notification().message())
                .isEqualTo("관리자 cancelled your leave '여름 휴가' (2031-03-03 to 2031-03-05); its days are yours again.");
    }

    @Test
    void thePeopleInCcAreToldWhenTheDocumentStartsAndHowItEnds() {
        Person cc = new Person(7, "정하늘", "STAFF", "E");
        List<Delivery> start = recipients.notificationsFor(ApprovalEvent.of("a", 1, Instant.EPOCH,
                new EventPayload.StepActivated(1, "출장", drafter, 1, 2, List.of(lead), progress, List.of(cc))));
        assertThat(start).extracting(Delivery::userId, x -> x.notification().type())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "APPROVAL_REQUESTED"),
                        org.assertj.core.groups.Tuple.tuple(7L, "CC_RECEIVED"));
        assertThat(start.get(1).notification().message()).contains("cc").contains("출장").contains(drafter.name());
        // someone in cc who is also asked gets both: the notifications' ids (their dedupe keys) differ
        List<Delivery> both = recipients.notificationsFor(ApprovalEvent.of("a", 1, Instant.EPOCH,
                new EventPayload.StepActivated(1, "출장", drafter, 1, 2, List.of(lead), progress, List.of(lead))));
        assertThat(both).extracting(x -> x.notification().type()).containsExactly("APPROVAL_REQUESTED", "CC_RECEIVED");
        assertThat(both).extracting(x -> x.notification().id()).doesNotHaveDuplicates();

        assertThat(recipients.notificationsFor(ApprovalEvent.of("a", 5, Instant.EPOCH,
                new EventPayload.Completed(1, "출장", lead, progress, List.of(cc)))))
                .extracting(Delivery::userId).containsExactly(1L, 7L);
        assertThat(recipients.notificationsFor(ApprovalEvent.of("a", 3, Instant.EPOCH,
                new EventPayload.Rejected(1, "출장", 1, lead, "예산", progress, List.of(cc)))))
                .extracting(Delivery::userId).containsExactly(1L, 7L);
        List<Delivery> withdrawn = recipients.notificationsFor(ApprovalEvent.of("a", 2, Instant.EPOCH,
                new EventPayload.Withdrawn(1, "출장", drafter, 1, List.of(lead), null, progress, List.of(cc))));
        assertThat(withdrawn).extracting(Delivery::userId).containsExactly(2L, 7L);
        assertThat(withdrawn.get(1).notification().message()).contains("withdrew").doesNotContain("from you");
    }

    @Test
    void notificationIdsAreStablePerEventAndRecipient() {
        ApprovalEvent e = ApprovalEvent.of("a", 1, Instant.EPOCH,
                new EventPayload.StepActivated(1, "t", drafter, 1, 1, List.of(lead), progress));
        assertThat(recipients.notificationsFor(e).get(0).notification().id())
                .isEqualTo(recipients.notificationsFor(e).get(0).notification().id())
                .isEqualTo(e.eventId() + ":2");
        assertThat(recipients.notificationsFor(ApprovalEvent.of("a", 0, Instant.EPOCH,
                new EventPayload.Submitted(1, "t", drafter, "GENERAL", List.of(new LineStep(1, lead)), Instant.EPOCH)))).isEmpty();
    }

    /** An event without an id, or a quest event of no known type, is a dead letter at once, not told as "null". */
    @Test
    void anEventWithoutAnIdOrOfAnUnknownTypeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recipients.reminderNotificationsFor(new ReminderEvent(
                        " ", ReminderEvent.VERSION, Instant.EPOCH, "a1", "출장 보고", drafter, 1, 3, List.of(lead), null,
                        Instant.EPOCH, 9)))
                .isInstanceOf(com.erp.routes.common.kafka.InvalidEventException.class).hasMessageContaining("eventId");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recipients.questNotificationsFor(new QuestEvent(null,
                        "APPROVED", QuestEvent.VERSION, Instant.EPOCH, 7, "문서 정리", 1.5, lead.id(), drafter.id(), lead,
                        null, 1.5)))
                .isInstanceOf(com.erp.routes.common.kafka.InvalidEventException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recipients.questNotificationsFor(new QuestEvent("q9",
                        "VANISHED", QuestEvent.VERSION, Instant.EPOCH, 7, "문서 정리", 1.5, lead.id(), drafter.id(), lead,
                        null, 1.5)))
                .isInstanceOf(com.erp.routes.common.kafka.InvalidEventException.class).hasMessageContaining("VANISHED");
    }

    /**
     * A reminder tells where its people stand as of the state it was made from, so one made before a withdrawal or a
     * decision and arriving after it is not told (the store compares); one from a sender that did not say is told.
     */
    @Test
    void aReminderStandsAtTheStateItWasMadeFrom() {
        Person deputy = new Person(7, "오세훈", "TEAM_LEAD", "L");
        ReminderEvent made = new ReminderEvent("r20", ReminderEvent.VERSION, Instant.EPOCH, "a1", "출장 보고", drafter, 1,
                2, List.of(lead), List.of(deputy), Instant.EPOCH, 24, null, null, true);
        assertThat(recipients.reminderNotificationsFor(made.atSequence(4)))
                .extracting(Delivery::userId, Delivery::standing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(lead.id(), 4L),
                        org.assertj.core.groups.Tuple.tuple(drafter.id(), 4L),
                        org.assertj.core.groups.Tuple.tuple(deputy.id(), 4L));
        assertThat(recipients.reminderNotificationsFor(made)).extracting(Delivery::standing).containsOnlyNulls();
    }

    /** Who decided (and whom a deputy decided for) stands at the decision: a late reminder does not ask them again. */
    @Test
    void aDecisionRecordsWhereItsMakerStands() {
        Person deputy = new Person(7, "오세훈", "TEAM_LEAD", "L");
        List<Delivery> told = recipients.notificationsFor(ApprovalEvent.of("a", 3, Instant.EPOCH,
                new EventPayload.Decided(1, "출장", 1, 2, deputy, EventPayload.Decision.APPROVED, null, progress, lead)));
        assertThat(told.stream().filter(Delivery::isStandingOnly))
                .extracting(Delivery::userId, Delivery::standing)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(deputy.id(), 3L),
                        org.assertj.core.groups.Tuple.tuple(lead.id(), 3L));
        assertThat(told.stream().filter(d -> !d.isStandingOnly())).extracting(Delivery::userId)
                .containsExactly(drafter.id(), lead.id());
    }

    /** Someone who left (퇴사) is told nothing: a decision on their document, a quest's change, a reminder as deputy. */
    @Test
    void nobodyWhoLeftIsTold() {
        Recipients knowing = new Recipients(id -> id == drafter.id(), () -> null);
        assertThat(knowing.notificationsFor(ApprovalEvent.of("a", 2, Instant.EPOCH, new EventPayload.Decided(1, "출장",
                1, 2, lead, EventPayload.Decision.APPROVED, null, progress, null))))
                .noneMatch(d -> d.userId() == drafter.id());
        assertThat(knowing.questNotificationsFor(new QuestEvent("q-gone", "APPROVED", QuestEvent.VERSION, Instant.EPOCH,
                7, "문서 정리", 1.5, lead.id(), drafter.id(), lead, null, 1.5))).isEmpty();
        Person other = new Person(8, "정하늘", "STAFF", "D");
        assertThat(knowing.reminderNotificationsFor(new ReminderEvent("r21", ReminderEvent.VERSION, Instant.EPOCH, "a2",
                "보고", other, 1, 2, List.of(lead), List.of(drafter), Instant.EPOCH, 9)))
                .extracting(Delivery::userId).containsExactly(lead.id());
    }

    /** What an event tells people (what only records where someone stands left out). */
    private List<Delivery> told(ApprovalEvent event) {
        return recipients.notificationsFor(event).stream().filter(d -> !d.isStandingOnly()).toList();
    }
}
