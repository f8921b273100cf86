package com.erp.perf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanTest {

    /**
     * Decisions are not in the submission warm-up; a cold decision path took about a second as services, so a plan
     * whose ramp step is shorter than three seconds found an end-to-end maximum of 0 when it skipped the warm-up.
     */
    @Test
    void everyPlanWithAnEndToEndRampWarmsDecisionsUpFirst() {
        for (PerfSuite.Plan plan : java.util.List.of(PerfSuite.SMOKE, PerfSuite.DRAIN, PerfSuite.FULL)) {
            assertThat(PerfSuite.e2eWarmupSeconds(plan)).as(plan.name()).isPositive();
        }
        assertThat(PerfSuite.e2eWarmupSeconds(PerfSuite.FULL)).isEqualTo(PerfSuite.FULL.e2eSeconds() / 3);
        assertThat(PerfSuite.e2eWarmupSeconds(PerfSuite.STARTUP)).isZero();
        assertThat(PerfSuite.e2eWarmupSeconds(PerfSuite.FAULTS)).isZero();
    }
}
