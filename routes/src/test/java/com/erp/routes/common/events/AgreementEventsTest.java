package com.erp.routes.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.Progress.Agreement;
import com.erp.routes.common.events.Progress.StepProgress;
import com.erp.routes.common.events.Progress.StepStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** 합의 in the events: the line's agreement step, its agreers' parts and the activation's flag survive JSON. */
class AgreementEventsTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final Person lead = new Person(2, "lead", "TEAM_LEAD", "D");
    private final Person finance = new Person(4, "finance", "DEPT_HEAD", "F");
    private final Person head = new Person(3, "head", "DEPT_HEAD", "D");

    @Test
    void anAgreementStepAndItsPartsRoundTrip() throws Exception {
        List<LineStep> line = List.of(new LineStep(1, lead), LineStep.agreement(2, List.of(finance)), new LineStep(3, head));
        Progress progress = new Progress(Progress.Status.IN_PROGRESS, 2, List.of(
                new StepProgress(1, StepStatus.APPROVED, Instant.EPOCH, null),
                new StepProgress(2, StepStatus.PENDING, null, null, null,
                        List.of(new Agreement(finance, StepStatus.PENDING, null, null, null))),
                new StepProgress(3, StepStatus.WAITING, null, null)));
        ApprovalEvent event = ApprovalEvent.of("a", 2, Instant.EPOCH, new EventPayload.StepActivated(1, "t", lead, 2, 3,
                List.of(finance), progress, null, null, true));

        String text = json.writeValueAsString(event);
        ApprovalEvent read = json.readValue(text, ApprovalEvent.class);

        EventPayload.StepActivated activated = (EventPayload.StepActivated) read.payload();
        assertThat(activated.asksAgreement()).as(text).isTrue();
        assertThat(activated.progress().steps().get(1).agreements()).extracting(Agreement::agreer).containsExactly(finance);
        List<LineStep> back = json.readValue(json.writeValueAsString(line),
                json.getTypeFactory().constructCollectionType(List.class, LineStep.class));
        assertThat(back).isEqualTo(line);
        assertThat(back.get(1).isAgreement()).isTrue();
        assertThat(back.get(1).people()).containsExactly(finance);
        // a 결재 step is written as before (no agreers), an activation without a 합의 leaves the flag out
        assertThat(json.writeValueAsString(line.get(0))).isEqualTo("{\"step\":1,\"approver\":{\"id\":2,\"name\":\"lead\","
                + "\"position\":\"TEAM_LEAD\",\"department\":\"D\"}}");
        assertThat(json.writeValueAsString(new EventPayload.StepActivated(1, "t", lead, 1, 3, List.of(lead), progress)))
                .doesNotContain("\"agreement\":");
    }

    @Test
    void theLineRulesKeepAnAgreementOffTheLastStepAndWithinTen() {
        assertThat(ApprovalLineRules.stepsViolation(1, List.of(new LineStep(1, lead), LineStep.agreement(2, List.of(finance)))))
                .get().asString().contains("last step");
        List<Person> eleven = new java.util.ArrayList<>();
        for (int i = 10; i < 21; i++) {
            eleven.add(new Person(i, "p" + i, "STAFF", "D"));
        }
        assertThat(ApprovalLineRules.stepsViolation(1, List.of(LineStep.agreement(1, eleven), new LineStep(2, head))))
                .get().asString().contains("at most 10");
        assertThat(ApprovalLineRules.stepsViolation(1, List.of(LineStep.agreement(1, List.of(finance, head)), new LineStep(2, head))))
                .get().asString().contains("twice");
        assertThat(ApprovalLineRules.stepsViolation(1, List.of(LineStep.agreement(1, List.of(finance)), new LineStep(2, head))))
                .isEmpty();
    }
}
