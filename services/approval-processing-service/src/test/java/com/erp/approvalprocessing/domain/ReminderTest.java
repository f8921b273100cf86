package com.erp.approvalprocessing.domain;

import static com.erp.routes.testing.Problems.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.erp.approvalprocessing.api.DecisionRequest;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.common.events.StandIn;
import com.erp.routes.common.security.Caller;
import org.junit.jupiter.api.Test;

/** 독촉: a step that waited too long reminds whoever must still decide it, and their deputies today. */
class ReminderTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    // activated on Friday 2026-11-27 at 17:00 in Seoul
    private static final Instant ACTIVATED = Instant.parse("2026-11-27T08:00:00Z");
    private final BusinessCalendar calendar = new BusinessCalendar(SEOUL,
            new CompanyDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of()), "09:00-18:00");
    private final ReminderPolicy policy = new ReminderPolicy(calendar, Duration.ofHours(8), Duration.ofHours(4));
    private final Map<Long, DelegationEvent> delegations = new HashMap<>();

    private final Person drafter = new Person(1, "drafter", "STAFF", "D");
    private final Person lead = new Person(2, "lead", "TEAM_LEAD", "D");
    private final Person head = new Person(3, "head", "DEPT_HEAD", "D");
    private final Person finance = new Person(4, "finance", "TEAM_LEAD", "F");
    private final Person legal = new Person(5, "legal", "TEAM_LEAD", "L");
    private final Person deputy = new Person(7, "deputy", "TEAM_LEAD", "D");

    private Workflow at(Instant now) {
        return new Workflow(Clock.fixed(now, SEOUL), SEOUL, id -> Optional.ofNullable(delegations.get(id)));
    }

    private ApprovalState started(List<LineStep> line) {
        return at(ACTIVATED).start(ApprovalEvent.of("a1", 0, Instant.EPOCH,
                new EventPayload.Submitted(1, "출장 보고", drafter, "GENERAL", line, Instant.EPOCH))).state();
    }

    private static Caller caller(Person p) {
        return new Caller(p.id(), p.name(), p.name(), p.department(), p.position(), Set.of("EMPLOYEE"));
    }

    @Test
    void theFirstReminderIsDueAfterTheWorkingTimeAndNamesWhoMustDecide() {
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        Instant due = policy.firstDue(state.activatedAt());
        // one hour on Friday, seven on Monday
        assertThat(due).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));

        ReminderEvent reminder = at(due).reminder(state, due.toEpochMilli(), policy);

        assertThat(reminder.waitingOn()).containsExactly(lead);
        assertThat(reminder.deputies()).isNull();
        assertThat(reminder.step()).isEqualTo(1);
        assertThat(reminder.stepCount()).isEqualTo(2);
        assertThat(reminder.waitingSince()).isEqualTo(ACTIVATED);
        assertThat(reminder.workingHours()).isEqualTo(8);
        assertThat(reminder.drafter()).isEqualTo(drafter);
        // the next one four working hours after it was sent: two on Monday, two on Tuesday (11:00 in Seoul)
        assertThat(policy.nextDue(due)).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
    }

    @Test
    void aStepIsOverdueOnceItHasWaitedTheOverdueTimeAndOnlyThen() {
        ReminderPolicy escalating = new ReminderPolicy(calendar, Duration.ofHours(8), Duration.ofHours(4),
                Duration.ofHours(12));
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        Instant first = escalating.firstDue(state.activatedAt());
        assertThat(at(first).reminder(state, first.toEpochMilli(), escalating).overdue()).isNull();
        // two more reminders later: 16 working hours
        Instant third = escalating.nextDue(escalating.nextDue(first));
        ReminderEvent overdue = at(third).reminder(state, third.toEpochMilli(), escalating);
        assertThat(overdue.workingHours()).isEqualTo(16);
        assertThat(overdue.overdue()).isTrue();
        // without an overdue time, never
        assertThat(at(third).reminder(state, third.toEpochMilli(), policy).overdue()).isNull();
        assertThatThrownBy(() -> new ReminderPolicy(calendar, Duration.ofHours(8), Duration.ofHours(4),
                Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameReminderMadeTwiceHasOneIdAndTheNextAnother() {
        ApprovalState state = started(List.of(new LineStep(1, lead)));
        long due = policy.firstDue(state.activatedAt()).toEpochMilli();
        Instant now = Instant.ofEpochMilli(due).plusSeconds(30);
        assertThat(at(now).reminder(state, due, policy).eventId())
                .isEqualTo(at(now.plusSeconds(5)).reminder(state, due, policy).eventId())
                .isNotEqualTo(at(now).reminder(state, due + 1, policy).eventId());
    }

    @Test
    void onAnAgreementStepOnlyTheAgreersStillToDecideAndTheirDeputiesAreReminded() {
        ApprovalState state = started(List.of(LineStep.agreement(1, List.of(finance, legal)), new LineStep(2, head)));
        state = at(ACTIVATED).decide(state, "a1", new DecisionRequest("APPROVE", null), caller(finance)).state();
        delegations.put(legal.id(), new DelegationEvent("e", 1, Instant.EPOCH, legal, deputy, "2026-11-30", "2026-12-04",
                "출장"));
        Instant due = policy.firstDue(state.activatedAt());

        ReminderEvent reminder = at(due).reminder(state, due.toEpochMilli(), policy);

        assertThat(reminder.waitingOn()).containsExactly(legal);
        assertThat(reminder.deputies()).containsExactly(deputy);
        assertThat(reminder.standIns()).containsExactly(new StandIn(deputy, legal));
    }

    @Test
    void aFinishedDocumentRemindsNobody() {
        ApprovalState state = started(List.of(new LineStep(1, lead)));
        ApprovalState approved = at(ACTIVATED).decide(state, "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
        assertThat(at(ACTIVATED.plusSeconds(86_400 * 3)).reminder(approved, 1, policy)).isNull();
    }

    @Test
    void onlyTheDrafterAsksForADecisionAndOnlyWhileItIsInProgress() {
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        Workflow workflow = at(ACTIVATED.plusSeconds(3600));

        ReminderEvent asked = workflow.requestedReminder(state, "a1", caller(drafter), policy);
        assertThat(asked.requestedBy()).isEqualTo(drafter);
        assertThat(asked.waitingOn()).containsExactly(lead);
        assertThat(asked.workingHours()).isEqualTo(1);
        // each request is a reminder of its own
        assertThat(workflow.requestedReminder(state, "a1", caller(drafter), policy).eventId()).isNotEqualTo(asked.eventId());

        assertThat(statusOf(() -> workflow.requestedReminder(state, "a1", caller(lead), policy))).isEqualTo(403);
        assertThat(statusOf(() -> workflow.requestedReminder(state, "a1", caller(deputy), policy))).isEqualTo(403);
        assertThat(statusOf(() -> workflow.requestedReminder(null, "a1", caller(drafter), policy))).isEqualTo(404);
        ApprovalState rejected = workflow.decide(state, "a1", new DecisionRequest("REJECT", "다음에"), caller(lead)).state();
        assertThat(statusOf(() -> workflow.requestedReminder(rejected, "a1", caller(drafter), policy))).isEqualTo(409);
    }

    @Test
    void aPolicyThatWouldRemindWithoutPauseIsRefused() {
        assertThat(ReminderPolicy.NONE.isOn()).isFalse();
        assertThatThrownBy(() -> new ReminderPolicy(calendar, Duration.ofHours(8), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(calendar, Duration.ofHours(-1), Duration.ofHours(8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReminderPolicy(calendar, Duration.ZERO, Duration.ZERO).isOn()).isFalse();
    }

    @Test
    void aStepEscalatesOnceItHasWaitedEscalateAfterOfWorkingTime() {
        ReminderPolicy escalating = new ReminderPolicy(calendar, Duration.ofHours(8), Duration.ofHours(8),
                Duration.ofHours(24), Duration.ofHours(40));
        // Friday 17:00: 1 h that day, 9 h on each of Monday to Thursday, 3 more on Friday: 12:00 in Seoul
        assertThat(escalating.escalates(ACTIVATED, Instant.parse("2026-12-04T02:59:00Z"))).isFalse();
        assertThat(escalating.escalates(ACTIVATED, Instant.parse("2026-12-04T03:00:00Z"))).isTrue();
        assertThat(policy.escalates(ACTIVATED, Instant.parse("2027-01-04T08:00:00Z"))).as("0 never").isFalse();
    }

    @Test
    void anEscalationGoesToTheSuperiorsOfThoseItWaitsOnNotToWhoeverIsToldAnyway() {
        Person manager = new Person(8, "manager", "DEPT_HEAD", "F");
        Map<Long, Person> superiors = Map.of(lead.id(), head, finance.id(), manager,
                legal.id(), manager, deputy.id(), head, head.id(), drafter);
        // two agreers with one superior: told once; the head (superior of the lead) too
        assertThat(ReminderPolicy.escalation(List.of(lead, finance, legal), null, drafter, superiors))
                .containsExactly(head, manager);
        // the head reminded anyway (a deputy today), the drafter told it is overdue anyway
        assertThat(ReminderPolicy.escalation(List.of(lead, head), List.of(deputy), drafter, superiors)).isEmpty();
        assertThat(ReminderPolicy.escalation(List.of(lead), List.of(head), drafter, superiors)).isEmpty();
        // someone not in the chart (a head, or who left): nobody
        assertThat(ReminderPolicy.escalation(List.of(manager), null, drafter, superiors)).isEmpty();
    }

}
