package com.erp.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The end-to-end goal is read at half the ramp's maximum, and the report says when a full collection set it and
 * which JVMs ran what (the tail latency depends on it).
 */
class ReportGoalsTest {

    private static EndToEnd.Result run(double rate, double p99, long gcCount, double gcTotalMs) {
        Latency latency = new Latency(100, 10, 8, 20, p99, p99 + 5);
        return new EndToEnd.Result("async", rate, 100, 100, 0, latency, latency,
                new Load.Outcome(100, 100, 0, 20, rate, latency, Map.of(202, 100L)), new EndToEnd.GcPauses(gcCount, gcTotalMs));
    }

    /** The goal as a report with this ramp and these end-to-end runs reads it. */
    private static Report.Goal endToEndGoal(double maximum, List<EndToEnd.Result> steps, EndToEnd.Result... runs) {
        Report report = new Report("full", "standalone", "performance/run.sh full");
        report.endToEndRamp(new EndToEnd.Ramp(1000, maximum, steps));
        for (EndToEnd.Result r : runs) {
            report.endToEnd(r);
        }
        return report.goals().stream().filter(g -> g.goal().startsWith("submit → WebSocket")).findFirst().orElseThrow();
    }

    @Test
    void aRampEndedByFullCollectionsIsNamedWithTheGoal() {
        Report.Goal goal = endToEndGoal(98, List.of(run(78, 60, 3, 285), run(98, 80, 3, 300), run(123, 3050, 4, 2892)),
                run(49, 13.4, 2, 76));
        assertThat(goal.met()).isTrue();
        assertThat(goal.measured()).isEqualTo(
                "13.4 ms at 49/s (maximum 98/s; the ramp ended at 123/s in GC pauses of 723 ms on average)");
    }

    @Test
    void aRampEndedByTheLoadItselfNeedsNoRemark() {
        Report.Goal goal = endToEndGoal(226, List.of(run(181, 700, 5, 400), run(226, 390, 6, 444), run(283, 5850, 6, 660)),
                run(113, 104.3, 6, 486), run(226, 553, 8, 632));
        assertThat(goal.met()).isFalse();
        assertThat(goal.measured()).isEqualTo("104.3 ms at 113/s (maximum 226/s)");
    }

    @Test
    void aStartUpRunReadsOnlyTheStartUpGoalsFromTheMedianStartAndShowsNoEmptyLoadTables() {
        Report report = new Report("startup", "services", "performance/run.sh startup");
        report.startups(List.of(Target.Startup.median(List.of(
                        new Target.Startup("employee-service", 12000, 340, 317, new Resident(146, 15, 156)),
                        new Target.Startup("employee-service", 9600, 334, 313, new Resident(144, 14, 155)),
                        new Target.Startup("employee-service", 8500, 330, 316, new Resident(145, 14, 157)))),
                new Target.Startup("notification-service", 6700, 291, 265)));
        assertThat(report.goals()).extracting(Report.Goal::goal).containsExactly(
                "employee-service ready and idle memory", "notification-service ready and idle memory");
        assertThat(report.goals()).extracting(Report.Goal::met).containsExactly(false, true);
        // where the idle memory was: in the start whose idle figure is the median (316 MB); not read for the other
        assertThat(report.markdown()).contains("| employee-service | 9.6 | 12.0, 9.6, 8.5 | 334 | 316 | 145 / 14 / 157 |",
                        "| notification-service | 6.7 | 6.7 | 291 | 265 | – |")
                .doesNotContain("Submissions at fixed arrival rates", "Metrics at the end");
        assertThat(report.summary()).contains("employee-service", "ready in 9.6 s (12.0, 9.6, 8.5)",
                        "316 MB idle (145 / 14 / 157 MB: class archives / other files / anonymous)")
                .doesNotContain("scenarios took");
    }

    @Test
    void aFaultsRunShowsEachFaultWithItsOwnLossGoalAndNoEmptyLoadTables() {
        Report report = new Report("faults", "services", "performance/run.sh faults services");
        report.fault(new Fault.Result("processing stopped", "async", 100, 60, 30, 6000, 0, 0, 40.9, Map.of(202, 6000L),
                88, 277.2, 121.4));
        report.fault(new Fault.Result("broker slow", "async", 100, 60, 30, 5990, 10, 2, 50.3, Map.of(202, 5990L, 503, 10L),
                2310, 366.9, 140.2));
        assertThat(report.goals()).extracting(Report.Goal::goal).containsExactly(
                "submissions lost, processing stopped (async)", "submissions lost, broker slow (async)");
        assertThat(report.goals()).extracting(Report.Goal::met).containsExactly(true, false);
        assertThat(report.markdown()).contains("| broker slow | async | 5990 | 10 | 2 | 50.3 | 2310 | 367 / 140 | 202: 5990, 503: 10 |")
                .doesNotContain("Submissions at fixed arrival rates");
        assertThat(report.summary()).contains("fault (broker slow) async: accepted 5990, refused 10, lost 2");
    }

    @Test
    void theReportSaysWhichJvmsRanWhat() throws Exception {
        Report report = new Report("full", "services", "performance/run.sh full services");
        report.setup("the MongoDB-wire server in a JVM of its own (-Xmx12g -XX:+UseZGC)");
        assertThat(report.markdown()).contains("System under test: the MongoDB-wire server in a JVM of its own (-Xmx12g -XX:+UseZGC).");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("report");
        report.write(dir);
        assertThat(java.nio.file.Files.readString(dir.resolve("report.json"))).contains("\"setup\" : \"the MongoDB-wire server");
        assertThat(java.nio.file.Files.readString(dir.resolve("report.html"))).contains("System under test: the MongoDB-wire");
    }

    @Test
    void theCommandNamesWhatChangedTheStandalonesSetup() {
        assertThat(Target.overrides("", true)).isEmpty();
        assertThat(Target.overrides("-Xmx8g -XX:+UseZGC", true)).isEqualTo("PERF_JVM=\"-Xmx8g -XX:+UseZGC\" ");
        assertThat(Target.overrides("", false)).isEqualTo("PERF_MONGO=embedded ");
    }
}
