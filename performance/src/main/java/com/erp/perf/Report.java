package com.erp.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;

/** What a run measured, as report.json (every number) and report.html (charts, tables, the goals). */
final class Report {

    /**
     * One fixed-rate run. {@code drainSeconds}: how long after the run processing still had submissions queued
     * (Kafka consumer lag, and its outbox until published); {@code processed}: documents fully taken in by processing
     * per second, counted from the run's start until then, which is what processing sustains behind the 202s;
     * {@code delivered}: the same until every consumer group (records, notifications too) had caught up.
     */
    record RateRun(String mode, double offered, double achieved, long ok, long ko, double errorRate, Latency latency,
                   double drainSeconds, double processed, double delivered, String gatlingReport) {
    }

    record Saturation(String mode, int inFlight, double throughput, long ok, long ko, Latency latency,
                      String gatlingReport) {
    }

    record Limit(String name, double throughput, long ok, long failed, Latency latency) {
    }

    record Goal(String goal, String target, String measured, boolean met) {
    }

    private final String plan;
    private final String topology;
    private String setup = "";
    private final String command;
    private final Instant startedAt = Instant.now();
    private final List<RateRun> rates = new ArrayList<>();
    private final List<Saturation> saturations = new ArrayList<>();
    private final List<Limit> limits = new ArrayList<>();
    private final List<EndToEnd.Result> endToEnd = new ArrayList<>();
    private EndToEnd.Ramp endToEndRamp;
    private final List<Fault.Result> faults = new ArrayList<>();
    private final List<Target.Startup> startups = new ArrayList<>();
    private Backlog.Result backlog;
    private final List<CpuUse.Result> cpu = new ArrayList<>();
    private Map<String, Object> metrics = Map.of();
    private double startSeconds;
    private double scenarioSeconds;

    Report(String plan, String topology, String command) {
        this.plan = plan;
        this.topology = topology;
        this.command = command;
    }

    /** @param allDrainedSeconds after the run until every consumer group had caught up ({@code >= drainSeconds}) */
    void rate(String mode, double offered, GatlingRun.Stats s, double runSeconds, double drainSeconds, double allDrainedSeconds) {
        rates.add(new RateRun(mode, offered, s.throughput(), s.ok(), s.ko(), errorRate(s.ok(), s.ko()), s.latency(),
                drainSeconds, Load.round(s.ok() / Math.max(0.001, runSeconds + drainSeconds)),
                Load.round(s.ok() / Math.max(0.001, runSeconds + allDrainedSeconds)), s.report()));
    }

    void saturation(String mode, int inFlight, GatlingRun.Stats s) {
        saturations.add(new Saturation(mode, inFlight, s.throughput(), s.ok(), s.ko(), s.latency(), s.report()));
    }

    void limit(String name, GatlingRun.Stats s) {
        limits.add(new Limit(name, s.throughput(), s.ok(), s.ko(), s.latency()));
    }

    void limit(String name, Load.Outcome o) {
        limits.add(new Limit(name, o.throughput(), o.ok(), o.failed(), o.latency()));
    }

    void endToEnd(EndToEnd.Result r) {
        endToEnd.add(r);
    }

    void endToEndRamp(EndToEnd.Ramp r) {
        endToEndRamp = r;
    }

    void fault(Fault.Result r) {
        faults.add(r);
    }

    void backlog(Backlog.Result r) {
        backlog = r;
    }

    void cpu(CpuUse.Result r) {
        cpu.add(r);
    }

    void startups(List<Target.Startup> s) {
        startups.addAll(s);
    }

    /** Which JVMs ran what, with which options ({@link Target#describe()}). */
    void setup(String description) {
        setup = description;
    }

    void startupsIfNone(List<Target.Startup> s) {
        if (startups.isEmpty()) {
            startups.addAll(s);
        }
    }

    /** How long the system under test took to start, and the scenarios after that. */
    void durations(double start, double scenarios) {
        startSeconds = Load.round(start);
        scenarioSeconds = Load.round(scenarios);
    }

    void metrics(Map<String, Object> m) {
        metrics = m;
    }

    /** The highest throughput a mode reached without errors (fixed rates, or saturation). */
    double maxThroughput(String mode) {
        double best = 0;
        for (RateRun r : rates) {
            if (r.mode().equals(mode) && r.ko() == 0) {
                best = Math.max(best, r.achieved());
            }
        }
        for (Saturation s : saturations) {
            if (s.mode().equals(mode) && s.ko() == 0) {
                best = Math.max(best, s.throughput());
            }
        }
        return best;
    }

    /** The most documents per second processing took in during a fixed-rate run of a mode (see {@link RateRun}). */
    double sustained(String mode) {
        return rates.stream().filter(r -> r.mode().equals(mode)).mapToDouble(RateRun::processed).max().orElse(0);
    }

    /** The most documents per second the whole pipeline (every consumer group) took in during a fixed-rate run. */
    double delivered(String mode) {
        return rates.stream().filter(r -> r.mode().equals(mode)).mapToDouble(RateRun::delivered).max().orElse(0);
    }

    private static double errorRate(long ok, long ko) {
        return ok + ko == 0 ? 0 : Math.round(10000.0 * ko / (ok + ko)) / 100.0;
    }

    List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        if (loaded()) {
            throughputGoals(goals);
        }
        if (endToEndRamp != null) {
            // the async run nearest to half of the maximum the ramp found
            double half = endToEndRamp.maximum() / 2;
            endToEnd.stream().filter(e -> e.mode().equals("async"))
                    .min(java.util.Comparator.comparingDouble(e -> Math.abs(e.rate() - half)))
                    .ifPresent(e -> goals.add(new Goal(
                    "submit → WebSocket p99 at half of the maximum load (async)", "≤ 50 ms",
                    f("%.1f ms at %.0f/s (maximum %.0f/s%s)", e.submitToApprover().p99(), e.rate(), endToEndRamp.maximum(),
                            rampEndedInGc()),
                    e.submitToApprover().p99() <= 50)));
        }
        faults.stream().filter(x -> x.mode().equals("async")).forEach(x -> goals.add(new Goal(
                "submissions lost, " + x.kind() + " (async)", "0", f("%d of %d accepted", x.lost(), x.accepted()),
                x.lost() == 0)));
        for (Target.Startup s : startups) {
            goals.add(new Goal(s.name() + " ready and idle memory", "≤ 8 s, ≤ 300 MB RSS",
                    f("%.1f s, %d MB", s.readyMs() / 1000.0, s.rssMb()), s.readyMs() <= 8000 && s.rssMb() <= 300));
        }
        if ("smoke".equals(plan) && scenarioSeconds > 0) {
            goals.add(new Goal("the smoke plan's scenarios, after the system's start", "< 60 s",
                    f("%.0f s (start %.0f s)", scenarioSeconds, startSeconds), scenarioSeconds < 60));
        }
        return goals;
    }

    /** Whether the plan put load on the system (the start-up plan does not): else no throughput goal is read. */
    private boolean loaded() {
        return !rates.isEmpty() || !saturations.isEmpty();
    }

    private void throughputGoals(List<Goal> goals) {
        double async = maxThroughput("async");
        double sync = maxThroughput("sync");
        goals.add(new Goal("async vs sync throughput (best without errors)", "≥ 10×",
                f("%.0f vs %.0f req/s = %.1f×", async, sync, sync == 0 ? 0 : async / sync), sync > 0 && async >= 10 * sync));
        RateRun[] pair = comparablePair();
        if (pair != null) {
            double ratio = pair[0].latency().p99() == 0 ? 0 : pair[1].latency().p99() / pair[0].latency().p99();
            goals.add(new Goal("async p99 vs sync p99 at the same offered load", "≤ 1/10",
                    f("at %.0f/s: %.1f ms vs %.1f ms = 1/%.1f", pair[0].offered(), pair[0].latency().p99(),
                            pair[1].latency().p99(), ratio), ratio >= 10));
        }
        goals.add(new Goal("submissions/s with 0 errors (async)", "≥ 2,500", f("%.0f/s", async), async >= 2500));
        double processed = sustained("async");
        goals.add(new Goal("the same, counting only documents processing has taken in (async)", "≥ 2,500",
                f("%.0f/s", processed), processed >= 2500));
    }

    /** The highest offered rate both modes handled without errors (async first). */
    private RateRun[] comparablePair() {
        RateRun[] best = null;
        for (RateRun a : rates) {
            if (!a.mode().equals("async")) {
                continue;
            }
            for (RateRun s : rates) {
                if (s.mode().equals("sync") && s.offered() == a.offered() && a.ko() == 0 && s.ko() == 0
                        && (best == null || a.offered() > best[0].offered())) {
                    best = new RateRun[]{a, s};
                }
            }
        }
        return best;
    }

    /** Milliseconds as seconds, one decimal, comma-separated. */
    private static String seconds(List<Long> ms) {
        return String.join(", ", ms.stream().map(m -> f("%.1f", m / 1000.0)).toList());
    }

    /** Where idle memory was, as "archives / files / anonymous", or a dash when it was not read. */
    private static String parts(Resident r) {
        return r.archivesMb() < 0 ? "–" : f("%d / %d / %d", r.archivesMb(), r.filesMb(), r.anonymousMb());
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    void write(Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", startedAt.toString());
        json.put("plan", plan);
        json.put("topology", topology);
        json.put("command", command);
        json.put("setup", setup);
        json.put("machine", machine());
        json.put("rates", rates);
        json.put("saturation", saturations);
        json.put("limits", limits);
        json.put("endToEndRamp", endToEndRamp);
        json.put("endToEnd", endToEnd);
        json.put("faults", faults);
        json.put("backlog", backlog);
        json.put("cpu", cpu);
        json.put("startups", startups);
        json.put("metrics", metrics);
        json.put("durations", Map.of("startSeconds", startSeconds, "scenarioSeconds", scenarioSeconds));
        json.put("goals", goals());
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("report.json").toFile(), json);
        Files.writeString(dir.resolve("report.html"), html(dir));
        Files.writeString(dir.resolve("report.md"), markdown());
    }

    /** The tables of performance/README.md's "Latest full run", ready to paste. */
    String markdown() {
        Map<String, Object> m = machine();
        StringBuilder md = new StringBuilder();
        md.append(f("Run `%s` on %s (%s plan, %s); machine: %s cores (%s), %s GB, %s, %s. The generator shared the cores.%n%n",
                command, startedAt.toString().substring(0, 10), plan, topology, m.get("cores"), m.getOrDefault("cpu", "?"),
                m.getOrDefault("memoryGb", "?"), m.get("java"), m.get("os")));
        if (!setup.isEmpty()) {
            md.append(f("System under test: %s.%n%n", setup));
        }
        if (loaded()) {
            loadTables(md);
        } else if (!faults.isEmpty()) {
            faultTable(md);
        }
        if (!startups.isEmpty()) {
            md.append(f("%n**Start-up** (a service's figures: the median of its starts)%n%n| JVM | ready s | each start: ready s "
                    + "| RSS 3 s after ready MB | idle RSS (%d s after ready) MB | of it: class archives / other files / "
                    + "anonymous MB |%n|---|---:|---|---:|---:|---:|%n", Target.IDLE_AFTER.toSeconds()));
            for (Target.Startup x : startups) {
                md.append(f("| %s | %.1f | %s | %d | %d | %s |%n", x.name(), x.readyMs() / 1000.0, seconds(x.readyEachMs()),
                        x.rssAfterStartMb(), x.rssMb(), parts(x.idle())));
            }
        }
        md.append("\n**Goals**\n\n| goal | target | measured | |\n|---|---|---|---|\n");
        for (Goal g : goals()) {
            md.append(f("| %s | %s | %s | %s |%n", g.goal(), g.target(), g.measured(), g.met() ? "met" : "**not met**"));
        }
        if (!metrics.isEmpty()) {
            md.append("\nMetrics at the end (`/actuator/prometheus`): ").append(String.join(", ", metrics.entrySet().stream()
                    .map(e -> e.getKey() + " " + (e.getValue() instanceof Number n ? f("%,.0f", n.doubleValue()) : e.getValue()))
                    .toList())).append(".\n");
        }
        return md.toString();
    }

    private void faultTable(StringBuilder md) {
        md.append("\n**Faults mid-run (processing stopped; the broker slow)**\n\n| fault | path | accepted | refused | lost "
                + "| drained after s | p99 ms | approval-request heap: used peak / live after a full GC, peak MB | answers |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Fault.Result x : faults) {
            md.append(f("| %s | %s | %d | %d | %d | %.1f | %.0f | %.0f / %.0f | %s |%n", x.kind(), x.mode(), x.accepted(),
                    x.refused(), x.lost(), x.drainSeconds(), x.p99Ms(), x.requestHeapPeakMb(), x.requestLiveHeapPeakMb(),
                    new java.util.TreeMap<>(x.statuses()).toString().replaceAll("[{}]", "").replace("=", ": ")));
        }
    }

    static final String CPU_NOTE = "CPU time each process used from the start of a saturation run until processing had "
            + "taken in every document, per submission accepted, and the cores it kept busy meanwhile; idle: the cores "
            + "it kept busy with nothing asked of it, after the warm-up; the generator is the load suite's JVM, "
            + "Gatling included";

    /** The CPU table's columns: per result its ms per submission (none for an idle window) and its cores. */
    List<String> cpuHeader() {
        List<String> header = new ArrayList<>(List.of("process"));
        for (CpuUse.Result c : cpu) {
            if (c.items() > 0) {
                header.add(c.scenario() + ": ms per submission");
            }
            header.add(c.items() > 0 ? "cores" : c.scenario() + ": cores");
        }
        return header;
    }

    /** One row per process, then "all": the cells under {@link #cpuHeader()}, blank where a process was not read. */
    List<List<String>> cpuRows() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        cpu.forEach(c -> c.shares().forEach(x -> names.add(x.process())));
        List<List<String>> rows = new ArrayList<>();
        for (String name : names) {
            List<String> row = new ArrayList<>(List.of(name));
            for (CpuUse.Result c : cpu) {
                CpuUse.Share x = c.shares().stream().filter(y -> y.process().equals(name)).findFirst().orElse(null);
                if (c.items() > 0) {
                    row.add(x == null ? "" : f("%.1f", x.msPerItem()));
                }
                row.add(x == null ? "" : f("%.2f", x.cores()));
            }
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("all"));
        for (CpuUse.Result c : cpu) {
            if (c.items() > 0) {
                total.add(f("%.1f", c.msPerItem()));
            }
            total.add(f("%.2f", c.cores()));
        }
        rows.add(total);
        return rows;
    }

    private void loadTables(StringBuilder md) {
        md.append("**Submissions at fixed arrival rates** (Gatling open model; latency of the HTTP answer)\n\n")
                .append("| path | offered/s | achieved/s | errors | p50 ms | p95 ms | p99 ms | queue drained after s | processed/s | delivered/s |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RateRun r : rates) {
            md.append(f("| %s | %.0f | %.0f | %.2f%% | %.0f | %.0f | %.0f | %.1f | %.0f | %.0f |%n", r.mode(), r.offered(), r.achieved(),
                    r.errorRate(), r.latency().p50(), r.latency().p95(), r.latency().p99(), r.drainSeconds(), r.processed(),
                    r.delivered()));
        }
        md.append("\n**Saturation and the stack's own limits**\n\n| what | throughput/s | errors | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|\n");
        for (Saturation x : saturations) {
            md.append(f("| submit, %s, %d in flight | %.0f | %d | %.0f | %.0f |%n", x.mode(), x.inFlight(), x.throughput(), x.ko(),
                    x.latency().p50(), x.latency().p99()));
        }
        for (Limit l : limits) {
            md.append(f("| limit: %s | %.0f | %d | %.1f | %.1f |%n", l.name(), l.throughput(), l.failed(), l.latency().p50(),
                    l.latency().p99()));
        }
        if (!cpu.isEmpty()) {
            List<String> header = cpuHeader();
            md.append("\n**Where the CPU went** (").append(CPU_NOTE).append(")\n\n| ").append(String.join(" | ", header))
                    .append(" |\n|---|").append("---:|".repeat(header.size() - 1)).append('\n');
            for (List<String> row : cpuRows()) {
                md.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        if (endToEndRamp != null) {
            md.append(f("%n**End to end: the maximum** (async, rates %.2f× apart, each kept up with if every document was "
                    + "decided and told and both p99 ≤ %.0f ms): **%.0f documents/s**%n%n", PerfSuite.E2E_RAMP_FACTOR,
                    endToEndRamp.limitMs(), endToEndRamp.maximum()))
                    .append("| rate/s | documents | submit → approver told p50 / p99 ms | decision → drafter told p50 / p99 ms "
                            + "| GC pauses: count, mean ms | kept up |\n|---:|---:|---:|---:|---:|---|\n");
            for (EndToEnd.Result e : endToEndRamp.steps()) {
                md.append(f("| %.0f | %d of %d | %.1f / %.1f | %.1f / %.1f | %d, %.0f | %s |%n", e.rate(), e.completed(),
                        e.submitted(), e.submitToApprover().p50(), e.submitToApprover().p99(), e.decisionToDrafter().p50(),
                        e.decisionToDrafter().p99(), e.gc().count(), e.gc().meanMs(),
                        e.keptUp(endToEndRamp.limitMs()) ? "yes" : "no"));
            }
        }
        md.append("\n**End to end on real WebSocket clients** (at half of the maximum and at it)\n\n| path | rate/s | documents | submit → approver told p50 / p99 ms "
                + "| decision → drafter told p50 / p99 ms | GC pauses: count, mean ms |\n|---|---:|---:|---:|---:|---:|\n");
        for (EndToEnd.Result e : endToEnd) {
            md.append(f("| %s | %.0f | %d of %d | %.1f / %.1f | %.1f / %.1f | %d, %.0f |%n", e.mode(), e.rate(), e.completed(),
                    e.submitted(), e.submitToApprover().p50(), e.submitToApprover().p99(), e.decisionToDrafter().p50(),
                    e.decisionToDrafter().p99(), e.gc().count(), e.gc().meanMs()));
        }
        faultTable(md);
        if (backlog != null) {
            md.append(f("%nBacklog: %,d documents queued at %.0f/s with processing's consumer stopped, drained in %.0f s = "
                    + "**%.0f documents/s**.%n", backlog.queued(), backlog.submits().throughput(), backlog.drainSeconds(),
                    backlog.drainRate()));
        }
    }

    /** A maximum set by a full collection is lower than the pipeline's, and so is its half: the goal says so. */
    private String rampEndedInGc() {
        return endToEndRamp.steps().stream().filter(st -> !st.keptUp(endToEndRamp.limitMs())).findFirst()
                .filter(st -> st.gc().meanMs() >= FULL_GC_MS)
                .map(st -> f("; the ramp ended at %.0f/s in GC pauses of %.0f ms on average", st.rate(), st.gc().meanMs()))
                .orElse("");
    }

    /** Longer GC pauses than young collections of this system take (38–110 ms measured): full collections. */
    static final double FULL_GC_MS = 250;

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try {
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
            Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .ifPresent(l -> m.put("memoryGb", Long.parseLong(l.replaceAll("\\D+", "")) / 1024 / 1024));
        } catch (IOException e) {
            // not Linux
        }
        return m;
    }

    String summary() {
        StringBuilder s = new StringBuilder("\n== erp-approval load suite (" + plan + ", " + topology + ") ==\n");
        if (!rates.isEmpty()) {
            s.append(f("%-7s %9s %9s %7s %8s %8s %8s %9s %9s %9s%n", "mode", "offered", "achieved", "errors", "p50 ms",
                    "p95 ms", "p99 ms", "drain s", "processed", "delivered"));
        }
        for (RateRun r : rates) {
            s.append(f("%-7s %9.0f %9.1f %6.2f%% %8.1f %8.1f %8.1f %9.1f %9.1f %9.1f%n", r.mode(), r.offered(), r.achieved(),
                    r.errorRate(), r.latency().p50(), r.latency().p95(), r.latency().p99(), r.drainSeconds(), r.processed(),
                    r.delivered()));
        }
        for (Saturation x : saturations) {
            s.append(f("%-7s saturation (%d in flight): %.1f/s, %d errors, p99 %.1f ms%n", x.mode(), x.inFlight(),
                    x.throughput(), x.ko(), x.latency().p99()));
        }
        for (Limit l : limits) {
            s.append(f("limit %-15s %.1f/s, p99 %.1f ms, %d failed%n", l.name(), l.throughput(), l.latency().p99(), l.failed()));
        }
        for (CpuUse.Result c : cpu) {
            boolean idle = c.items() == 0;
            s.append(idle ? f("cpu %s: %.2f cores busy (", c.scenario(), c.cores())
                    : f("cpu %s: %.1f ms per submission, %.2f cores busy (", c.scenario(), c.msPerItem(), c.cores()));
            s.append(String.join(", ", c.shares().stream().limit(4).map(x -> idle ? f("%s %.2f", x.process(), x.cores())
                    : f("%s %.1f ms", x.process(), x.msPerItem())).toList())).append(")\n");
        }
        if (endToEndRamp != null) {
            s.append(f("end to end maximum (async ramp): %.0f/s over %d steps%n", endToEndRamp.maximum(),
                    endToEndRamp.steps().size()));
        }
        for (EndToEnd.Result e : endToEnd) {
            s.append(f("end to end %-5s at %.0f/s: submit→approver p99 %.1f ms, decision→drafter p99 %.1f ms (%d of %d), "
                    + "%d GC pauses of %.0f ms on average%n", e.mode(), e.rate(), e.submitToApprover().p99(),
                    e.decisionToDrafter().p99(), e.completed(), e.submitted(), e.gc().count(), e.gc().meanMs()));
        }
        for (Fault.Result x : faults) {
            s.append(f("fault (%s) %-5s: accepted %d, refused %d, lost %d, drained %.1f s after its end, p99 %.0f ms, "
                    + "approval-request heap used peak %.0f MB, live after a full GC peak %.0f MB%n", x.kind(), x.mode(),
                    x.accepted(), x.refused(), x.lost(), x.drainSeconds(), x.p99Ms(), x.requestHeapPeakMb(),
                    x.requestLiveHeapPeakMb()));
        }
        if (backlog != null) {
            s.append(f("backlog: %d queued at %.0f/s, drained in %.1f s = %.0f/s%n", backlog.queued(),
                    backlog.submits().throughput(), backlog.drainSeconds(), backlog.drainRate()));
        }
        if (loaded()) {
            s.append(f("scenarios took %.0f s after a %.0f s start%n", scenarioSeconds, startSeconds));
        }
        for (Target.Startup x : startups) {
            s.append(f("start-up %-28s ready in %.1f s (%s), RSS %d MB 3 s after, %d MB idle (%s MB: class archives / "
                    + "other files / anonymous)%n", x.name(), x.readyMs() / 1000.0, seconds(x.readyEachMs()),
                    x.rssAfterStartMb(), x.rssMb(), parts(x.idle())));
        }
        for (Goal g : goals()) {
            s.append(f("[%s] %s: %s (goal %s)%n", g.met() ? "met" : "NOT met", g.goal(), g.measured(), g.target()));
        }
        return s.toString();
    }

    private String html(Path dir) {
        StringBuilder h = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>erp-approval load report</title>
                <style>body{font:14px/1.45 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
                table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #e5e7eb;padding:.25rem .6rem;text-align:right}
                th{background:#f9fafb}td:first-child,th:first-child{text-align:left}.met{color:#047857}.not{color:#b91c1c}
                .charts{display:flex;flex-wrap:wrap;gap:1rem}code{background:#f3f4f6;padding:0 .25rem}</style></head><body>
                """);
        h.append("<h1>erp-approval load report</h1>");
        h.append(f("<p>Plan <b>%s</b>, topology <b>%s</b>, started %s. Reproduce: <code>%s</code>. Machine: %s.</p>",
                plan, topology, startedAt, Charts.esc(command), Charts.esc(machine().toString())));
        if (!setup.isEmpty()) {
            h.append(f("<p>System under test: %s.</p>", Charts.esc(setup)));
        }
        h.append("<h2>Goals</h2><table><tr><th>goal</th><th>target</th><th>measured</th><th></th></tr>");
        for (Goal g : goals()) {
            h.append(f("<tr><td>%s</td><td>%s</td><td>%s</td><td class=\"%s\">%s</td></tr>", Charts.esc(g.goal()),
                    Charts.esc(g.target()), Charts.esc(g.measured()), g.met() ? "met" : "not", g.met() ? "met" : "not met"));
        }
        h.append("</table>");
        if (loaded()) {
            loadSections(h, dir);
        } else if (!faults.isEmpty()) {
            faultSection(h);
        }
        h.append(f("<h2>Start-up</h2><p>A service's figures are the median of its starts.</p><table><tr><th>JVM</th>"
                + "<th>ready s</th><th>each start: ready s</th><th>RSS 3 s after ready MB</th>"
                + "<th>idle RSS (%d s after ready) MB</th><th>of it: class archives / other files / anonymous MB</th></tr>",
                Target.IDLE_AFTER.toSeconds()));
        for (Target.Startup s : startups) {
            h.append(f("<tr><td>%s</td><td>%.1f</td><td>%s</td><td>%d</td><td>%d</td><td>%s</td></tr>", s.name(),
                    s.readyMs() / 1000.0, seconds(s.readyEachMs()), s.rssAfterStartMb(), s.rssMb(), parts(s.idle())));
        }
        h.append("</table>");
        if (!metrics.isEmpty()) {
            h.append("<h2>Metrics seen at the end</h2><pre>").append(Charts.esc(metrics.toString())).append("</pre>");
        }
        return h.append("</body></html>").toString();
    }

    private void faultSection(StringBuilder h) {
        h.append("<h2>Faults mid-run: approval-processing stopped, the broker slow</h2><table><tr><th>fault</th>"
                + "<th>mode</th><th>rate/s</th><th>fault s</th><th>accepted</th><th>refused</th><th>lost</th>"
                + "<th>drained after s</th><th>p99 ms</th><th>approval-request heap used peak MB</th>"
                + "<th>live after a full GC, peak MB</th><th>statuses</th></tr>");
        for (Fault.Result x : faults) {
            h.append(f("<tr><td>%s</td><td>%s</td><td>%.0f</td><td>%.0f</td><td>%d</td><td>%d</td><td>%d</td><td>%.1f</td>"
                    + "<td>%.0f</td><td>%.0f</td><td>%.0f</td><td>%s</td></tr>", x.kind(), x.mode(), x.rate(),
                    x.outageSeconds(), x.accepted(), x.refused(), x.lost(), x.drainSeconds(), x.p99Ms(),
                    x.requestHeapPeakMb(), x.requestLiveHeapPeakMb(), x.statuses()));
        }
        h.append("</table>");
    }

    private void loadSections(StringBuilder h, Path dir) {
        h.append("<h2>Submissions at fixed arrival rates</h2><div class=\"charts\">");
        h.append(Charts.line("Throughput against offered load", "offered (req/s)", "achieved (req/s)",
                series(r -> r.achieved()), false));
        h.append(Charts.line("p99 latency against offered load", "offered (req/s)", "p99 (ms)", series(r -> r.latency().p99()), true));
        h.append(Charts.line("p50 latency against offered load", "offered (req/s)", "p50 (ms)", series(r -> r.latency().p50()), true));
        h.append(Charts.line("Errors against offered load", "offered (req/s)", "errors (%)", series(RateRun::errorRate), false));
        h.append(Charts.line("Processed against offered load", "offered (req/s)", "processed (docs/s)",
                series(RateRun::processed), false));
        h.append("</div><table><tr><th>mode</th><th>offered/s</th><th>achieved/s</th><th>ok</th><th>ko</th><th>p50 ms</th>"
                + "<th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>queue drained after s</th><th>processed/s</th>"
                + "<th>delivered/s</th><th>Gatling</th></tr>");
        for (RateRun r : rates) {
            h.append(f("<tr><td>%s</td><td>%.0f</td><td>%.1f</td><td>%d</td><td>%d</td><td>%.1f</td><td>%.1f</td><td>%.1f</td>"
                            + "<td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td><a href=\"%s\">report</a></td></tr>", r.mode(),
                    r.offered(), r.achieved(), r.ok(), r.ko(), r.latency().p50(), r.latency().p95(), r.latency().p99(),
                    r.latency().max(), r.drainSeconds(), r.processed(), r.delivered(), rel(dir, r.gatlingReport())));
        }
        h.append("</table><p><i>processed/s</i>: documents processing took in per second from the run's start until its "
                + "queue (Kafka consumer lag) was empty and its events published: what processing sustains behind the "
                + "asynchronous 202s. <i>delivered/s</i>: the same until every consumer group (the records, the "
                + "notifications) had caught up: what the whole pipeline sustains.</p>");
        h.append("<h2>Saturation and the stack's own limits</h2><table><tr><th>what</th><th>throughput/s</th>"
                + "<th>ok</th><th>errors</th><th>p50 ms</th><th>p99 ms</th></tr>");
        for (Saturation x : saturations) {
            h.append(f("<tr><td>submit, %s, %d in flight (<a href=\"%s\">Gatling</a>)</td><td>%.1f</td><td>%d</td><td>%d</td>"
                            + "<td>%.1f</td><td>%.1f</td></tr>", x.mode(), x.inFlight(), rel(dir, x.gatlingReport()), x.throughput(),
                    x.ok(), x.ko(), x.latency().p50(), x.latency().p99()));
        }
        for (Limit l : limits) {
            h.append(f("<tr><td>%s</td><td>%.1f</td><td>%d</td><td>%d</td><td>%.1f</td><td>%.1f</td></tr>", l.name(),
                    l.throughput(), l.ok(), l.failed(), l.latency().p50(), l.latency().p99()));
        }
        if (!cpu.isEmpty()) {
            h.append("</table><h2>Where the CPU went</h2><p>").append(CPU_NOTE).append(".</p><table><tr>");
            cpuHeader().forEach(column -> h.append("<th>").append(column).append("</th>"));
            h.append("</tr>");
            for (List<String> row : cpuRows()) {
                h.append("<tr>");
                row.forEach(cell -> h.append("<td>").append(cell).append("</td>"));
                h.append("</tr>");
            }
        }
        if (endToEndRamp != null) {
            h.append(f("</table><h2>End to end: the maximum</h2><p>The async path at rising rates (%.2f× apart); kept up "
                    + "with if every document was decided and told and both p99 ≤ %.0f ms. Maximum: <b>%.0f documents/s</b>."
                    + "</p><table><tr><th>rate/s</th><th>documents</th><th>submit → approver told, p50 / p99 ms</th>"
                    + "<th>decision → drafter told, p50 / p99 ms</th><th>GC pauses: count, mean ms</th><th>kept up</th></tr>",
                    PerfSuite.E2E_RAMP_FACTOR, endToEndRamp.limitMs(), endToEndRamp.maximum()));
            for (EndToEnd.Result e : endToEndRamp.steps()) {
                h.append(f("<tr><td>%.0f</td><td>%d of %d</td><td>%.1f / %.1f</td><td>%.1f / %.1f</td><td>%d, %.0f</td>"
                        + "<td>%s</td></tr>", e.rate(), e.completed(), e.submitted(), e.submitToApprover().p50(),
                        e.submitToApprover().p99(), e.decisionToDrafter().p50(), e.decisionToDrafter().p99(), e.gc().count(),
                        e.gc().meanMs(), e.keptUp(endToEndRamp.limitMs()) ? "yes" : "no"));
            }
        }
        h.append("</table><h2>End to end (real WebSocket clients), at half of the maximum and at it</h2><table><tr><th>mode</th><th>rate/s</th><th>documents</th>"
                + "<th>submit → approver told, p50 / p99 ms</th><th>decision → drafter told, p50 / p99 ms</th>"
                + "<th>GC pauses: count, mean ms</th></tr>");
        for (EndToEnd.Result e : endToEnd) {
            h.append(f("<tr><td>%s</td><td>%.0f</td><td>%d of %d</td><td>%.1f / %.1f</td><td>%.1f / %.1f</td><td>%d, %.0f</td></tr>",
                    e.mode(), e.rate(), e.completed(), e.submitted(), e.submitToApprover().p50(), e.submitToApprover().p99(),
                    e.decisionToDrafter().p50(), e.decisionToDrafter().p99(), e.gc().count(), e.gc().meanMs()));
        }
        h.append("</table>");
        faultSection(h);
        if (backlog != null) {
            h.append(f("<h2>Backlog</h2><p>%d documents queued with processing's consumer stopped (taken at %.0f/s, lag seen "
                            + "%.0f), then drained in %.1f s: <b>%.0f documents/s</b>.</p>", backlog.queued(),
                    backlog.submits().throughput(), backlog.lagBeforeDrain(), backlog.drainSeconds(), backlog.drainRate()));
        }
    }

    private List<Charts.Series> series(java.util.function.ToDoubleFunction<RateRun> y) {
        List<Charts.Series> series = new ArrayList<>();
        String[] colors = {"#2563eb", "#dc2626"};
        for (int m = 0; m < PerfSuite.MODES.size(); m++) {
            String mode = PerfSuite.MODES.get(m);
            List<Charts.Point> points = rates.stream().filter(r -> r.mode().equals(mode))
                    .map(r -> new Charts.Point(r.offered(), y.applyAsDouble(r))).toList();
            series.add(new Charts.Series(mode + ("async".equals(mode) ? " (Kafka)" : " (gRPC)"), colors[m], points));
        }
        return series;
    }

    private static String rel(Path dir, String file) {
        try {
            return dir.toAbsolutePath().relativize(Path.of(file).toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return file;
        }
    }
}
