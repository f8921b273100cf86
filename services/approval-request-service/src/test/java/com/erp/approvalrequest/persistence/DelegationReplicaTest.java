package com.erp.approvalrequest.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.kafka.InvalidEventException;
import com.erp.routes.common.security.Caller;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** approval-request's copy of the delegations: only newer events change it; a deputy reads only while in force. */
class DelegationReplicaTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    // 2026-12-03 in Seoul, still the 2nd in UTC
    private final DelegationReplica replica = new DelegationReplica(Clock.fixed(Instant.parse("2026-12-02T16:00:00Z"), SEOUL), SEOUL);
    private final Person approver = new Person(2, "lead", "TEAM_LEAD", "D");
    private final Person deputy = new Person(7, "deputy", "TEAM_LEAD", "S");
    private final Caller deputyCaller = new Caller(7, "d", "deputy", "S", "TEAM_LEAD", Set.of("EMPLOYEE"));

    private DelegationEvent event(long revision, String start, String end) {
        return new DelegationEvent("e" + revision, 1, Instant.EPOCH, approver, deputy, start, end, null, revision);
    }

    @Test
    void anEventWithoutAnApproverIsInvalid() {
        DelegationEvent noApprover = new DelegationEvent("e", 1, Instant.EPOCH, null, deputy, "2026-12-03", "2026-12-05", null, 1);
        assertThatThrownBy(() -> replica.update(noApprover)).isInstanceOf(InvalidEventException.class);
        assertThat(replica.update(event(3, "2026-12-03", "2026-12-05"))).hasSize(2);
    }

    @Test
    void theDeputyReadsOnlyOnTheDelegationsDaysInTheCompanysCalendar() {
        Document inForce = new Document("deputyId", 7L).append("startDate", "2026-12-03").append("endDate", "2026-12-03");
        Document tomorrow = new Document("deputyId", 7L).append("startDate", "2026-12-04").append("endDate", "2026-12-05");
        Document ended = new Document("deputyId", null).append("startDate", null).append("endDate", null);
        assertThat(replica.delegatesTo(List.of(inForce), deputyCaller)).isTrue();
        assertThat(replica.delegatesTo(List.of(tomorrow), deputyCaller)).isFalse();
        assertThat(replica.delegatesTo(List.of(ended, tomorrow), deputyCaller)).isFalse();
        assertThat(replica.delegatesTo(List.of(ended, inForce), deputyCaller)).isTrue();
        assertThat(replica.delegatesTo(List.of(inForce), new Caller(8, "o", "other", "S", "STAFF", Set.of()))).isFalse();
    }

    /** The document's page names who decides for whom today: in force only, and only with the deputy's name kept. */
    @Test
    void theStandInsAreTheDeputiesInForceTodayWithTheirNames() {
        Document person = new Document("id", 7L).append("name", "deputy").append("position", "TEAM_LEAD").append("department", "S");
        Document succession = new Document("_id", 2L).append("deputyId", 7L).append("deputy", person)
                .append("startDate", "2026-12-03").append("endDate", "9999-12-31");
        Document over = new Document("_id", 3L).append("deputyId", 7L).append("deputy", person)
                .append("startDate", "2026-11-01").append("endDate", "2026-12-02");
        Document ahead = new Document("_id", 4L).append("deputyId", 7L).append("deputy", person)
                .append("startDate", "2026-12-04").append("endDate", "2026-12-05");
        Document ended = new Document("_id", 5L).append("deputyId", null).append("deputy", null)
                .append("startDate", null).append("endDate", null);
        Document unnamed = new Document("_id", 6L).append("deputyId", 7L)
                .append("startDate", "2026-12-01").append("endDate", "2026-12-09");

        assertThat(replica.standIns(List.of(succession, over, ahead, ended, unnamed)))
                .containsExactly(java.util.Map.entry(2L, deputy));
        assertThat(replica.standIns(null)).isEmpty();
    }
}
