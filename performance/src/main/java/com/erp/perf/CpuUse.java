package com.erp.perf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time each process of a run used over a scenario, as the operating system counts it
 * ({@link ProcessHandle.Info#totalCpuDuration()}): the service JVMs, the servers' JVMs and the MariaDB and Redis
 * processes they started, and the generator (this JVM, Gatling included). On a box where all of them share two cores
 * a throughput alone does not say where the cores went; this does, and as CPU per submission it can be compared
 * between runs on a box whose speed varies from one half hour to the next.
 */
final class CpuUse {

    /** A process's CPU time when the snapshot was taken; the pid tells a restarted process from the one before. */
    record Reading(long pid, long cpuNanos) {
    }

    record Snapshot(long nanoTime, Map<String, Reading> readings) {
    }

    /** @param cores the share of the window a core spent on it; @param msPerItem its CPU milliseconds per item */
    record Share(String process, double cpuSeconds, double cores, double msPerItem) {
    }

    /** @param items what the CPU is shared out over (submissions accepted; 0 for an idle window) */
    record Result(String scenario, double seconds, long items, List<Share> shares) {

        double cores() {
            return hundredths(shares.stream().mapToDouble(Share::cores).sum());
        }

        double msPerItem() {
            return Load.round(shares.stream().mapToDouble(Share::msPerItem).sum());
        }
    }

    private CpuUse() {
    }

    private static double hundredths(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static Snapshot take(Map<String, ProcessHandle> processes) {
        Map<String, Reading> readings = new LinkedHashMap<>();
        processes.forEach((name, handle) -> handle.info().totalCpuDuration()
                .ifPresent(cpu -> readings.put(name, new Reading(handle.pid(), cpu.toNanos()))));
        return new Snapshot(System.nanoTime(), readings);
    }

    /**
     * Each process read in both snapshots, as the same process (a process started again in between is left out:
     * its CPU before the restart is not known), busiest first.
     */
    static Result between(String scenario, Snapshot from, Snapshot to, long items) {
        double seconds = Math.max(1e-9, (to.nanoTime() - from.nanoTime()) / 1e9);
        List<Share> shares = new ArrayList<>();
        to.readings().forEach((name, after) -> {
            Reading before = from.readings().get(name);
            if (before == null || before.pid() != after.pid()) {
                return;
            }
            double cpu = Math.max(0, after.cpuNanos() - before.cpuNanos()) / 1e9;
            shares.add(new Share(name, Load.round(cpu), hundredths(cpu / seconds), items > 0 ? Load.round(cpu * 1000 / items) : 0));
        });
        shares.sort(Comparator.comparingDouble(Share::cpuSeconds).reversed());
        return new Result(scenario, Load.round(seconds), items, shares);
    }
}
