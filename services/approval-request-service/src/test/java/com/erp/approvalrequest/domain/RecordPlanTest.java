package com.erp.approvalrequest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import org.junit.jupiter.api.Test;

class RecordPlanTest {

    private static final Person DRAFTER = new Person(1, "drafter", "STAFF", "D");
    private static final Person LEAD = new Person(2, "lead", "LEAD", "D");
    private static final Progress DONE = new Progress(Progress.Status.APPROVED, null,
            List.of(new Progress.StepProgress(1, Progress.StepStatus.APPROVED, Instant.EPOCH, null)));

    private static ApprovalEvent completed(long sequence) {
        return ApprovalEvent.of("a-1", sequence, Instant.EPOCH, new EventPayload.Completed(DRAFTER.id(), "t", LEAD, DONE));
    }

    private static ApprovalEvent decided(long sequence) {
        return ApprovalEvent.of("a-1", sequence, Instant.EPOCH, new EventPayload.Decided(DRAFTER.id(), "t", 1, 1, LEAD,
                EventPayload.Decision.APPROVED, null, DONE));
    }

    @Test
    void aNewEventWithANewerSnapshotAddsBoth() {
        RecordPlan plan = RecordPlan.of(decided(3), "GENERAL", 2, Set.of("x"), false);
        assertThat(plan.addHistory()).isTrue();
        assertThat(plan.applyProgress()).isTrue();
        assertThat(plan.takeNumber()).isFalse();
        assertThat(plan.storedVersion()).isEqualTo(2);
        assertThat(plan.nothingToDo()).isFalse();
    }

    @Test
    void anOlderEventArrivingLateOnlyJoinsTheHistory() {
        RecordPlan plan = RecordPlan.of(decided(3), "GENERAL", 5, Set.of(), false);
        assertThat(plan.addHistory()).isTrue();
        assertThat(plan.applyProgress()).isFalse();
        assertThat(plan.nothingToDo()).isFalse();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        ApprovalEvent event = decided(3);
        RecordPlan plan = RecordPlan.of(event, "GENERAL", 3, Set.of(event.eventId()), false);
        assertThat(plan.nothingToDo()).isTrue();
    }

    @Test
    void theCompletionTakesANumberOnceWithItsSnapshot() {
        assertThat(RecordPlan.of(completed(5), "GENERAL", 4, Set.of(), false).takeNumber()).isTrue();
        // numbered already (a redelivery after the write), or its snapshot is not the newest: no second number
        assertThat(RecordPlan.of(completed(5), "GENERAL", 4, Set.of(), true).takeNumber()).isFalse();
        assertThat(RecordPlan.of(completed(5), "GENERAL", 5, Set.of(), false).takeNumber()).isFalse();
    }
}
