package com.erp.routes.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReceivingDepartment;
import org.junit.jupiter.api.Test;

/** The gRPC request carries the submission event field for field: both dispatch paths start the same document. */
class DispatchMessagesTest {

    private static final Person DRAFTER = new Person(1001, "김민준", "STAFF", "개발본부");
    private static final Person LEAD = new Person(1002, "이서연", "TEAM_LEAD", "개발본부");
    private static final Person SALES = new Person(1004, "최유진", "STAFF", "영업본부");
    private static final Person SALES_HEAD = new Person(1006, "강도윤", "DEPT_HEAD", "영업본부");

    @Test
    void aSubmissionGoesThereAndBackUnchanged() {
        Instant at = Instant.parse("2026-12-03T01:02:03.456789Z");
        ApprovalEvent submitted = ApprovalEvent.of("a-1", 0, at, new EventPayload.Submitted(DRAFTER.id(), "제목", DRAFTER,
                "GENERAL", List.of(new LineStep(1, LEAD)), at, List.of(SALES), null, null, null,
                List.of(new ReceivingDepartment(2, "영업본부", SALES_HEAD), new ReceivingDepartment(3, "경영지원본부", null)),
                null, List.of(LEAD)));

        ApprovalEvent back = DispatchMessages.event(DispatchMessages.request(submitted, "token"));

        assertThat(back.payload()).isEqualTo(submitted.payload());
        assertThat(back.eventId()).isEqualTo(submitted.eventId());
    }

    @Test
    void noReceivingDepartmentsStayNone() {
        Instant at = Instant.parse("2026-12-03T01:02:03Z");
        ApprovalEvent submitted = ApprovalEvent.of("a-2", 0, at, new EventPayload.Submitted(DRAFTER.id(), "제목", DRAFTER,
                "GENERAL", List.of(new LineStep(1, LEAD)), at, null, null));

        EventPayload.Submitted back = (EventPayload.Submitted) DispatchMessages.event(
                DispatchMessages.request(submitted, null)).payload();

        assertThat(back.receivingDepartments()).isNull();
        assertThat(back.drafterLine()).isNull();
        assertThat(back).isEqualTo(submitted.payload());
    }
}
