package com.erp.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The load suite in its smoke plan (under a minute of scenarios after the system's start), so it never rots: every scenario runs against the real
 * system and the report is written. Speeds are not asserted here (machines are noisy; the full run reports
 * them against the goals); what must hold whatever the speed is: both paths took load, everything accepted
 * was processed, nothing was lost when processing stopped or the broker was slow, and the backlog drained.
 */
class PerformanceSmokeTest {

    @Test
    void theSmokePlanRunsEveryScenarioAndWritesTheReport() throws Exception {
        Path out = Path.of("target/smoke-report");
        Report report = PerfSuite.run(PerfSuite.SMOKE, Target.Topology.STANDALONE, Path.of("target/sut"), out, "smoke");
        System.out.println(report.summary());

        JsonNode json = Http.JSON.readTree(out.resolve("report.json").toFile());
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg").contains("Goals");
        assertThat(Files.readString(out.resolve("report.md"))).contains("| async | 50 |").contains("**Goals**")
                .contains("Backlog: 200 documents");
        for (JsonNode rate : json.path("rates")) {
            assertThat(rate.path("ok").asLong()).as("%s", rate).isPositive();
            assertThat(rate.path("ko").asLong()).as("%s", rate).isZero();
            assertThat(rate.path("processed").asDouble()).as("processing took the documents in: %s", rate).isPositive();
            assertThat(rate.path("delivered").asDouble()).as("every consumer took them in: %s", rate).isPositive()
                    .isLessThanOrEqualTo(rate.path("processed").asDouble());
        }
        assertThat(json.path("rates").findValuesAsText("mode")).contains("async", "sync");
        assertThat(json.path("saturation")).hasSize(2);
        assertThat(json.path("limits").findValuesAsText("name")).containsExactly("noop-http", "kafka-producer", "grpc-dispatch");
        for (JsonNode limit : json.path("limits")) {
            assertThat(limit.path("throughput").asDouble()).as("%s", limit).isPositive();
        }
        assertThat(json.path("endToEndRamp").path("steps")).as("the end-to-end maximum was looked for").isNotEmpty();
        assertThat(json.path("endToEnd")).hasSize(2 * PerfSuite.SMOKE.e2eShares().size());
        for (JsonNode e2e : json.path("endToEnd")) {
            assertThat(e2e.path("completed").asLong()).as("%s", e2e).isEqualTo(e2e.path("submitted").asLong());
            assertThat(e2e.path("gc").path("count").isNumber()).as("GC pauses read: %s", e2e).isTrue();
        }
        assertThat(json.path("faults").findValuesAsText("kind")).as("both paths with processing stopped, async with the broker slow")
                .containsExactly("processing stopped", "processing stopped", "broker slow");
        for (JsonNode fault : json.path("faults")) {
            assertThat(fault.path("accepted").asLong()).as("%s", fault).isPositive();
            assertThat(fault.path("lost").asLong()).as("nothing accepted is lost: %s", fault).isZero();
        }
        assertThat(json.path("backlog").path("queued").asLong()).isEqualTo(PerfSuite.SMOKE.backlog());
        assertThat(json.path("goals")).isNotEmpty();
    }
}
