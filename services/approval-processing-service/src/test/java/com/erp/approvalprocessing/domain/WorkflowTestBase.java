package com.erp.approvalprocessing.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.security.Caller;

/**
 * The rules on a fixed day (2026-11-21 in Seoul) with delegations a test sets ({@link #delegate}), and the people of a
 * document: a drafter, a lead, a head, and a deputy.
 */
abstract class WorkflowTestBase {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    final Map<Long, DelegationEvent> delegations = new HashMap<>();
    final Workflow workflow = new Workflow(Clock.fixed(Instant.parse("2026-11-21T01:00:00Z"), SEOUL), SEOUL,
            id -> Optional.ofNullable(delegations.get(id)));

    final Person drafter = new Person(1, "drafter", "STAFF", "D");
    final Person lead = new Person(2, "lead", "TEAM_LEAD", "D");
    final Person head = new Person(3, "head", "DEPT_HEAD", "D");
    final Person deputy = new Person(7, "deputy", "TEAM_LEAD", "D");

    /** {@code approver} is away today and a few days more; {@code to} decides for them. */
    void delegate(Person approver, Person to) {
        delegations.put(approver.id(), new DelegationEvent("e", 1, Instant.EPOCH, approver, to, "2026-11-21", "2026-11-25",
                "휴가"));
    }

    /** A document of the drafter's with this line, its first step active. */
    ApprovalState started(List<LineStep> line) {
        return workflow.start(ApprovalEvent.of("a1", 0, Instant.EPOCH,
                new EventPayload.Submitted(1, "title", drafter, "GENERAL", line, Instant.EPOCH))).state();
    }

    static Caller caller(Person p) {
        return new Caller(p.id(), p.name(), p.name(), p.department(), p.position(), Set.of("EMPLOYEE"));
    }
}
