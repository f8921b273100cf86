package com.erp.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The CPU a run cost each process, read from the operating system and shared out over the submissions. */
class CpuUseTest {

    @Test
    void aBusyProcessIsToldFromAnIdleOneByTheSystemsOwnCount() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Map<String, ProcessHandle> processes = new LinkedHashMap<>();
            processes.put("sleeper", sleeper.toHandle());
            processes.put("spinner", ProcessHandle.current());
            CpuUse.Snapshot before = CpuUse.take(processes);
            spin(Duration.ofMillis(300));
            CpuUse.Result result = CpuUse.between("spin", before, CpuUse.take(processes), 4);

            assertThat(result.shares()).extracting(CpuUse.Share::process).containsExactly("spinner", "sleeper");
            CpuUse.Share spinner = result.shares().get(0);
            assertThat(spinner.cpuSeconds()).isGreaterThanOrEqualTo(0.3);
            assertThat(spinner.msPerItem()).isGreaterThanOrEqualTo(75);
            assertThat(result.shares().get(1).cpuSeconds()).isLessThan(spinner.cpuSeconds());
        } finally {
            sleeper.destroy();
        }
    }

    @Test
    void cpuIsSharedOutOverTheWindowAndTheItemsAndARestartedProcessIsLeftOut() {
        CpuUse.Snapshot from = new CpuUse.Snapshot(0, Map.of(
                "approval-request-service", new CpuUse.Reading(10, 1_000_000_000L),
                "approval-processing-service", new CpuUse.Reading(11, 5_000_000_000L),
                "notification-service", new CpuUse.Reading(12, 0)));
        CpuUse.Snapshot to = new CpuUse.Snapshot(10_000_000_000L, Map.of(
                "approval-request-service", new CpuUse.Reading(10, 9_000_000_000L),
                // stopped and started again in between: its CPU before the restart is gone
                "approval-processing-service", new CpuUse.Reading(21, 1_000_000_000L),
                "notification-service", new CpuUse.Reading(12, 2_000_000_000L),
                "employee-service", new CpuUse.Reading(13, 3_000_000_000L)));

        CpuUse.Result result = CpuUse.between("async at saturation", from, to, 1000);

        assertThat(result.seconds()).isEqualTo(10);
        assertThat(result.shares()).containsExactly(
                new CpuUse.Share("approval-request-service", 8, 0.8, 8),
                new CpuUse.Share("notification-service", 2, 0.2, 2));
        assertThat(result.cores()).isEqualTo(1.0);
        assertThat(CpuUse.between("idle", from, to, 0).shares()).extracting(CpuUse.Share::msPerItem).containsOnly(0.0);
        assertThat(result.msPerItem()).isEqualTo(10);
    }

    @Test
    void theReportShowsEachProcessesShareForEachRun() throws Exception {
        Report report = new Report("drain", "services", "performance/run.sh drain services");
        Latency latency = new Latency(100, 10, 8, 20, 30, 40);
        report.saturation("async", 64, new GatlingRun.Stats(1000, 1000, 0, 100, latency, "gatling/async"));
        report.cpu(new CpuUse.Result("idle", 10, 0, java.util.List.of(new CpuUse.Share("Kafka JVM", 0.5, 0.05, 0))));
        report.cpu(new CpuUse.Result("async at saturation", 10, 1000, java.util.List.of(
                new CpuUse.Share("approval-request-service", 8, 0.8, 8), new CpuUse.Share("Kafka JVM", 2, 0.2, 2))));
        report.cpu(new CpuUse.Result("sync at saturation", 10, 500, java.util.List.of(
                new CpuUse.Share("approval-request-service", 6, 0.6, 12))));

        assertThat(report.markdown()).contains("**Where the CPU went**",
                "| process | idle: cores | async at saturation: ms per submission | cores "
                        + "| sync at saturation: ms per submission | cores |\n|---|---:|---:|---:|---:|---:|",
                "| Kafka JVM | 0.05 | 2.0 | 0.20 |  |  |",
                "| approval-request-service |  | 8.0 | 0.80 | 12.0 | 0.60 |",
                "| all | 0.05 | 10.0 | 1.00 | 12.0 | 0.60 |");
        assertThat(report.summary()).contains("cpu idle: 0.05 cores busy (Kafka JVM 0.05)",
                "cpu async at saturation: 10.0 ms per submission, 1.00 cores busy (approval-request-service 8.0 ms, Kafka JVM 2.0 ms)");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("report");
        report.write(dir);
        assertThat(java.nio.file.Files.readString(dir.resolve("report.json"))).contains("\"cpu\"", "\"msPerItem\" : 8.0");
        assertThat(java.nio.file.Files.readString(dir.resolve("report.html")))
                .contains("<h2>Where the CPU went</h2>", "<th>idle: cores</th><th>async at saturation: ms per submission</th>",
                        "<td>approval-request-service</td><td></td><td>8.0</td><td>0.80</td>");
    }

    /** Busy until this thread has had {@code cpu} of CPU, however long a loaded box takes to give it. */
    private static void spin(Duration cpu) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + cpu.toNanos();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        assertThat(x).isNotNegative();
    }
}
