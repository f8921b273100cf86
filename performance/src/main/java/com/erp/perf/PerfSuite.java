package com.erp.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load-test suite: starts the system fresh, warms it up, runs the same scenarios on both dispatch paths
 * (async: Kafka, 202; sync: gRPC, 201) and writes {@code report.json} and {@code report.html}.
 * <pre>
 *   performance/run.sh [smoke|drain|startup|full] [standalone|services]
 * </pre>
 * Scenarios: submissions at fixed arrival rates and at saturation (Gatling); end-to-end latency on real
 * WebSocket clients; approval-processing stopped mid-run; a backlog drained; and the stack's own limits (a
 * no-op request, a raw Kafka producer, the gRPC call alone) measured in the same run, so results read as ratios.
 */
public final class PerfSuite {

    static final List<String> MODES = List.of("async", "sync");

    /** How big a run is. */
    record Plan(String name, List<Double> rates, int rateSeconds, int saturationUsers, int saturationSeconds,
                int warmupSeconds, double warmupRate, int e2eRampSteps, int e2eRampSeconds, List<Double> e2eShares,
                int e2eSeconds, double faultRate, int faultSeconds, int faultAt, int faultOutage,
                int backlog, int limitSeconds, boolean measureServices) {
    }

    /** The end-to-end ramp's rates are this far apart. */
    static final double E2E_RAMP_FACTOR = 1.25;
    /** Past the end-to-end maximum the queues grow all run long: a p99 beyond this means the system fell behind. */
    static final double E2E_KEPT_UP_MS = 1000;

    // every scenario once, as briefly as still shows it working: under a minute on 2 cores, after the start
    static final Plan SMOKE = new Plan("smoke", List.of(50.0), 2, 8, 1, 1, 50, 1, 1, List.of(0.5), 2, 40, 4, 1, 1, 200, 1, false);
    // the two figures a change to processing moves, in about 15 minutes (22 as services): saturation on both paths and a 100k
    // backlog's drain (processing's own rate), after a short warm-up; the other scenarios as briefly as in smoke
    static final Plan DRAIN = new Plan("drain", List.of(50.0), 2, 64, 20, 30, 150, 1, 1, List.of(0.5), 2, 40, 4, 1, 1,
            100_000, 5, false);
    // the warm-up is long: C2 keeps compiling for minutes, and until it is done it takes a quarter of the CPU
    // 300 and 400/s: below the sync path's knee (about 500/s here), where both paths still answer every request and
    // the p99s can be compared under load, not only at rates either path serves idly
    static final Plan FULL = new Plan("full", List.of(50.0, 200.0, 300.0, 400.0, 500.0, 1000.0, 2000.0), 20, 64, 20, 90, 150,
            12, 20, List.of(0.5, 1.0), 30, 100, 60, 10, 30, 100_000, 15, true);
    // the fault scenarios alone, at the full plan's size, after its warm-up: about 12 minutes
    static final Plan FAULTS = new Plan("faults", List.of(), 0, 0, 0, 90, 150, 0, 0, List.of(), 0, 100, 60, 10, 30, 0, 0,
            false);
    // only the start of each service as its own JVM (ready time, RSS), Target.START_REPEATS times: the start-up goals,
    // in about nine minutes
    static final Plan STARTUP = new Plan("startup", List.of(), 0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0, 0, 0, 0, 0, true);

    private PerfSuite() {
    }

    /**
     * How long decisions are run unmeasured before the end-to-end ramp: a third of an end-to-end run ({@code
     * e2eSeconds}), at least a second.
     */
    static int e2eWarmupSeconds(Plan plan) {
        return plan.e2eSeconds() > 0 ? Math.max(1, plan.e2eSeconds() / 3) : 0;
    }

    /**
     * Progress on standard output, with the time: Gatling reconfigures logging when it starts, after which a
     * logger's lines would vanish. {@link String#format} placeholders.
     */
    static void say(String format, Object... args) {
        System.out.printf("%tT perf: %s%n", System.currentTimeMillis(), String.format(java.util.Locale.ROOT, format, args));
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "full";
        Plan plan = switch (name) {
            case "smoke" -> SMOKE;
            case "drain" -> DRAIN;
            case "faults" -> FAULTS;
            case "startup" -> STARTUP;
            default -> FULL;
        };
        // the start-up plan starts each service as its own JVM, whatever the topology says
        Target.Topology topology = plan == STARTUP || args.length > 1 && args[1].equals("services")
                ? Target.Topology.SERVICES : Target.Topology.STANDALONE;
        Path out = Path.of(System.getProperty("perf.out", "performance/results/"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Path sut = Path.of(System.getProperty("perf.sut", "performance/target/sut"));
        Report report = run(plan, topology, sut, out, String.join(" ", args));
        System.out.println(report.summary());
        System.out.println("report: " + out.resolve("report.html").toAbsolutePath());
    }

    static Report run(Plan plan, Target.Topology topology, Path sut, Path out, String arguments) throws Exception {
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("erp-perf-");
        // the setup decides the tail latency and the start-up: a run with another one says so in its command
        String command = Target.overrides(topology) + "performance/run.sh " + arguments;
        Report report = new Report(plan.name(), topology.name().toLowerCase(), command);
        try {
            return measure(plan, topology, sut, out, work, report);
        } finally {
            // also after a failed run: its logs say why
            try {
                WorkDir.keepLogsAndDelete(work, out.resolve("logs"));
            } catch (IOException e) {
                say("could not clear %s (%s): delete it by hand", work, e);
            }
        }
    }

    private static Report measure(Plan plan, Target.Topology topology, Path sut, Path out, Path work, Report report)
            throws Exception {
        if (plan == STARTUP || plan.measureServices() && topology == Target.Topology.STANDALONE) {
            say("measuring the start of each service as its own JVM");
            try (Target services = Target.start(Target.Topology.SERVICES, sut, work.resolve("services"))) {
                report.startups(services.startups());
                report.setup(services.describe());
            }
        }
        if (plan == STARTUP) {
            report.write(out);
            say("done");
            return report;
        }
        say("starting the system under test (%s)", topology);
        long starting = System.nanoTime();
        try (Target target = Target.start(topology, sut, work.resolve("sut"))) {
            long ready = System.nanoTime();
            report.startupsIfNone(target.startups());
            report.setup(target.describe());
            say("ready");
            Http http = new Http();
            Accounts accounts = new Accounts(http, target.employee(), Target.PASSWORD);
            String token = accounts.token("dev.staff");

            // the lag of every group, processing's outbox and approval-request's (each service exposes its own)
            Prometheus lag = Prometheus.across(http, accounts.token("admin"), target.processing(), target.request());
            say("warming up both paths for %s s each", plan.warmupSeconds());
            for (String mode : MODES) {
                double rate = "sync".equals(mode) ? plan.warmupRate() / 3 : plan.warmupRate();
                Load.open(rate / 3, Duration.ofSeconds(Math.max(1, plan.warmupSeconds() / 3)),
                        i -> http.submit(target.request() + "/api/approvals", token, "warm-up " + i, mode));
                Load.open(rate, Duration.ofSeconds(plan.warmupSeconds()),
                        i -> http.submit(target.request() + "/api/approvals", token, "warm-up " + i, mode));
                // every consumer, not only processing: notifications lag for minutes after a warm-up, and the first
                // fixed rates ran behind that backlog (the async path shed 38-52% at 300-400/s, then served 500/s)
                Fault.waitForAllConsumers(lag, Duration.ofMinutes(10));
            }

            if (plan == FAULTS) {
                faults(plan, target, accounts, report);
                report.durations((ready - starting) / 1e9, (System.nanoTime() - ready) / 1e9);
                say("stopping the system under test");
                return finish(report, out);
            }

            // what the system takes while nobody asks anything of it (timers, pollers, the lag meters), against which
            // the saturation runs' shares are read
            CpuUse.Snapshot quiet = CpuUse.take(target.cpuProcesses());
            Thread.sleep(Duration.ofSeconds(plan == SMOKE ? 3 : 10).toMillis());
            report.cpu(CpuUse.between("idle", quiet, CpuUse.take(target.cpuProcesses()), 0));

            Path gatling = out.resolve("gatling");
            for (String mode : MODES) {
                for (double rate : plan.rates()) {
                    say("%s at %s/s for %s s", mode, rate, plan.rateSeconds());
                    GatlingRun.Stats stats = GatlingRun.run(Map.of("baseUrl", target.request(), "path", "/api/approvals",
                            "token", token, "mode", mode, "model", "open", "rate", String.valueOf(rate),
                            "users", "0", "seconds", String.valueOf(plan.rateSeconds())), gatling, mode + "-" + (int) rate);
                    // the next run starts on an empty queue; how long this one's took is part of its result
                    long ended = System.nanoTime();
                    double drain = Fault.waitForNoLag(lag, ended, Duration.ofMinutes(10));
                    double allDrained = Fault.waitForAllConsumers(lag, ended, Duration.ofMinutes(10));
                    report.rate(mode, rate, stats, plan.rateSeconds(), drain, allDrained);
                }
                say("%s at saturation (%s in flight)", mode, plan.saturationUsers());
                CpuUse.Snapshot before = CpuUse.take(target.cpuProcesses());
                GatlingRun.Stats saturated = GatlingRun.run(Map.of("baseUrl", target.request(),
                        "path", "/api/approvals", "token", token, "mode", mode, "model", "closed", "rate", "0",
                        "users", String.valueOf(plan.saturationUsers()), "seconds", String.valueOf(plan.saturationSeconds())),
                        gatling, mode + "-saturation");
                report.saturation(mode, plan.saturationUsers(), saturated);
                Fault.waitForNoLag(lag, System.nanoTime(), Duration.ofMinutes(10));
                // until processing has taken in every document: the async path's processing comes after the answers
                report.cpu(CpuUse.between(mode + " at saturation", before, CpuUse.take(target.cpuProcesses()),
                        saturated.ok()));
            }

            // End to end before the limits (the raw Kafka producer leaves the broker gigabytes to write), and each
            // run only once every consumer group has caught up: after the bursts above, notifications lag for minutes.
            // The goal names "half of the maximum load" of this workload, so its maximum is measured first: a ramp
            // of the async path from an eighth of what the pipeline delivered for submissions alone (a document
            // here is also a decision, three notifications and four records). Then both paths at the same shares of
            // that maximum.
            double sustained = report.delivered("async");
            // Decisions and the notifications they cause are not in the submission warm-up, and their first run
            // paid for it (p99 in seconds at the lowest rate, then tens of ms): run them once, unmeasured. The short
            // plans too: as services their one-second ramp step found a maximum of 0 (decisions ~1 s while cold).
            double rampStart = Math.max(5, Math.round(sustained / 8));
            int e2eWarmup = e2eWarmupSeconds(plan);
            if (e2eWarmup > 0) {
                for (String mode : MODES) {
                    say("warming up end to end, %s", mode);
                    EndToEnd.run(target, accounts, mode, rampStart, Duration.ofSeconds(e2eWarmup));
                }
            }
            EndToEnd.Ramp ramp = EndToEnd.ramp(target, accounts, lag, rampStart, E2E_RAMP_FACTOR, plan.e2eRampSteps(),
                    Duration.ofSeconds(plan.e2eRampSeconds()), E2E_KEPT_UP_MS);
            report.endToEndRamp(ramp);
            double maximum = ramp.maximum() > 0 ? ramp.maximum() : 5;
            say("end to end maximum: %s/s", maximum);
            for (double share : plan.e2eShares()) {
                double rate = Math.max(5, Math.round(maximum * share));
                for (String mode : MODES) {
                    Fault.waitForAllConsumers(lag, Duration.ofMinutes(10));
                    say("end to end, %s at %s/s", mode, rate);
                    report.endToEnd(EndToEnd.run(target, accounts, mode, rate, Duration.ofSeconds(plan.e2eSeconds())));
                }
            }

            say("the stack's own limits");
            report.limit("noop-http", GatlingRun.run(Map.of("baseUrl", target.request(), "path", "/api/diagnostics/noop",
                    "token", token, "mode", "", "model", "closed", "rate", "0",
                    "users", String.valueOf(plan.saturationUsers()), "seconds", String.valueOf(plan.limitSeconds())),
                    gatling, "noop-saturation"));
            say("raw Kafka producer");
            report.limit("kafka-producer", Limits.kafka(target, Duration.ofSeconds(plan.limitSeconds())));
            say("gRPC dispatch alone");
            report.limit("grpc-dispatch", Limits.grpc(target, accounts, 8, Duration.ofSeconds(plan.limitSeconds())));

            faults(plan, target, accounts, report);

            say("a backlog of %s documents", plan.backlog());
            report.backlog(Backlog.run(target, accounts, plan.backlog(), 64));

            Prometheus metrics = new Prometheus(http, target.request(), accounts.token("admin"));
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("dlqMessages", Prometheus.across(http, accounts.token("admin"), target.processing(), target.request())
                    .sum("erp_dlq_messages_total"));
            seen.put("outboxBacklogApprovalRequest", metrics.sum("erp_outbox_backlog", "service=\"approval-request\""));
            seen.put("submissionsAsync", metrics.sum("erp_dispatch_submissions_total", "mode=\"async\""));
            seen.put("submissionsSync", metrics.sum("erp_dispatch_submissions_total", "mode=\"sync\""));
            report.metrics(seen);
            report.durations((ready - starting) / 1e9, (System.nanoTime() - ready) / 1e9);
            say("stopping the system under test");
        }
        return finish(report, out);
    }

    private static Report finish(Report report, Path out) throws Exception {
        report.write(out);
        say("done");
        return report;
    }

    /** Processing stopped under load on each path; then the broker slow under async load. */
    private static void faults(Plan plan, Target target, Accounts accounts, Report report) throws Exception {
        for (String mode : MODES) {
            say("processing away for %s s under %s load", plan.faultOutage(), mode);
            report.fault(Fault.run(target, accounts, Fault.Kind.PROCESSING_STOPPED, mode, plan.faultRate(),
                    Duration.ofSeconds(plan.faultSeconds()), Duration.ofSeconds(plan.faultAt()),
                    Duration.ofSeconds(plan.faultOutage())));
        }
        // the asynchronous path's way through Kafka, with the broker slow to acknowledge (the sync path's answer
        // does not wait for Kafka)
        say("broker slow for %s s under async load", plan.faultOutage());
        report.fault(Fault.run(target, accounts, Fault.Kind.BROKER_THROTTLED, "async", plan.faultRate(),
                Duration.ofSeconds(plan.faultSeconds()), Duration.ofSeconds(plan.faultAt()),
                Duration.ofSeconds(plan.faultOutage())));
    }
}
