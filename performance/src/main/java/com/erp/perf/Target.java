package com.erp.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.erp.devinfra.EmbeddedServer.Kind;
import com.erp.devinfra.FreePort;
import com.erp.devinfra.ServersProcess;
import com.erp.devinfra.ServiceProcess;

/**
 * The system under test, started fresh for a run as its own JVM(s): the standalone jar (all four services in
 * one JVM, on its embedded servers, as the quick start runs), or the four services as separate JVMs, as they are
 * deployed, with the servers in JVMs of their own as a database and a broker would be. MongoDB-wire runs on its
 * memory backend: its H2 file backend is the bottleneck otherwise (DESIGN §5).
 */
public final class Target implements AutoCloseable {

    public enum Topology { STANDALONE, SERVICES }

    /**
     * How long a JVM took to be ready, the memory it held just after ({@code rssAfterStartMb}, 3 s later: the JIT is
     * still compiling the start-up's code) and once idle ({@code rssMb}, {@link #IDLE_AFTER} after ready: what
     * it holds while no request comes, the goal's figure), and where that idle memory is ({@code idle}).
     */
    public record Startup(String name, long readyMs, long rssAfterStartMb, long rssMb, Resident idle,
                          List<Long> readyEachMs) {

        Startup(String name, long readyMs, long rssAfterStartMb, long rssMb, Resident idle) {
            this(name, readyMs, rssAfterStartMb, rssMb, idle, List.of(readyMs));
        }

        Startup(String name, long readyMs, long rssAfterStartMb, long rssMb) {
            this(name, readyMs, rssAfterStartMb, rssMb, Resident.UNKNOWN);
        }

        /**
         * Several starts of one JVM as one: the median of each figure, every start's ready time, and where the idle
         * memory was in the start whose idle figure is the median (so that its parts add up to a figure shown).
         */
        static Startup median(List<Startup> starts) {
            List<Startup> byIdle = starts.stream().sorted(Comparator.comparingLong(Startup::rssMb)).toList();
            Startup middle = byIdle.get(byIdle.size() / 2);
            return new Startup(starts.get(0).name(), median(starts, Startup::readyMs),
                    median(starts, Startup::rssAfterStartMb), middle.rssMb(), middle.idle(),
                    starts.stream().map(Startup::readyMs).toList());
        }

        private static long median(List<Startup> starts, java.util.function.ToLongFunction<Startup> figure) {
            long[] sorted = starts.stream().mapToLong(figure).sorted().toArray();
            return sorted[sorted.length / 2];
        }
    }

    /**
     * How many times each service is started when its start-up is measured (the median counts): on this 2-core box
     * one start can take a third longer than the next, as other work comes and goes.
     */
    private static final int DEFAULT_START_REPEATS = 3;
    static final int START_REPEATS = Math.max(1, Integer.getInteger("perf.start-repeats", DEFAULT_START_REPEATS));

    static final String PASSWORD = "perf-demo-password";
    // room for the MongoDB-wire memory backend too when it runs in this JVM (PERF_MONGO=embedded): a full run stores
    // a few hundred thousand documents
    private static final List<String> JVM = List.of("-Xms1g", "-Xmx6g", "-XX:+UseParallelGC");
    /**
     * A service JVM as its container image runs it ({@code k8s/images/service.jvm}, the image's own file: serial GC, a
     * small young generation, a heap and a native heap that give memory back), with a heap bound of its own where the
     * pod's follows its memory limit, plus {@link ServiceImage}'s extracted jar and CDS archive.
     */
    private static final List<String> SERVICE_JVM = Stream.concat(Stream.of("-Xmx384m"),
            ServiceImage.jvmOptions().stream()).toList();
    /** glibc's malloc arenas: by default 8 per core, each holding on to what it once allocated (as the image's ENV). */
    private static final Map<String, String> SERVICE_ENV = Map.of("MALLOC_ARENA_MAX", "2");
    /** When a JVM counts as idle: its start-up's compilations are done and the native heap was trimmed. */
    static final Duration IDLE_AFTER = Duration.ofSeconds(15);
    /** Kafka, MariaDB and Redis for the services (the last two are native processes): Kafka's own default heap. */
    private static final List<String> SERVERS_JVM = List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC");
    /**
     * The MongoDB-wire server's own JVM (the services', and the standalone's unless PERF_MONGO=embedded): its memory
     * backend keeps every document (about 10 KB of heap each, a few hundred thousand in a full run), a live set that
     * grows all run. ZGC's pauses do not grow with it; a stop-the-world collector's would stop every insert and update.
     */
    private static final List<String> MONGO_JVM = List.of("-Xmx12g", "-XX:+UseZGC");

    private final Topology topology;
    private final Path sut;
    private final Path work;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final List<Startup> startups = new ArrayList<>();
    private final Map<String, ServersProcess> servers = new java.util.LinkedHashMap<>();
    private ServiceProcess processing;
    private Map<String, String> processingEnv;
    private ServiceImage.Image processingImage;
    private int processingPort;
    private final int kafkaPort = FreePort.find();
    private final int grpcPort = FreePort.find();
    // the key approval-request and approval-processing seal gRPC dispatches with; the gRPC scenario plays approval-request
    private final String dispatchKey = java.util.Base64.getEncoder().encodeToString(
            new java.security.SecureRandom().generateSeed(32));
    private String employee;
    private String request;
    private String processingUrl;
    private String notification;

    private Target(Topology topology, Path sut, Path work) {
        this.topology = topology;
        this.sut = sut;
        this.work = work;
    }

    public static Target start(Topology topology, Path sut, Path work) throws Exception {
        Files.createDirectories(work);
        Target t = new Target(topology, sut, work);
        try {
            if (topology == Topology.STANDALONE) {
                t.startStandalone();
            } else {
                t.startServices();
            }
        } catch (Exception | Error e) {
            t.close();
            throw e;
        }
        return t;
    }

    /**
     * A standalone system somebody else started (nothing is stopped on close), to look at one scenario by hand;
     * gRPC and Kafka addresses are not known then, so the limits cannot be measured on it.
     */
    public static Target attach(String baseUrl) {
        Target t = new Target(Topology.STANDALONE, null, null);
        t.employee = t.request = t.processingUrl = t.notification = baseUrl;
        return t;
    }

    /** {@code -Dperf.jvm="..."} (run.sh's PERF_JVM): replaces the standalone's heap and GC options; "" if not set. */
    static String jvmOverride() {
        return System.getProperty("perf.jvm", "").trim();
    }

    /**
     * Where the MongoDB-wire server runs for the standalone: in a JVM of its own (the default, as the services'
     * always does), or with {@code -Dperf.mongo=embedded} (run.sh's PERF_MONGO) in the standalone JVM, as the quick
     * start runs it. It stands in for a MongoDB, which never keeps its documents on a service's heap; in the
     * standalone's, its memory backend's documents (a few GB by the end of a run) brought full collections that
     * ended the end-to-end ramp (98-226 documents/s against 194/s without them, see performance/README.md).
     */
    static boolean mongoInOwnJvm() {
        return !"embedded".equalsIgnoreCase(System.getProperty("perf.mongo", "").trim());
    }

    /**
     * {@code -Dperf.service-jvm="..."} (run.sh's PERF_SERVICE_JVM): options added to each service JVM's (a profiler,
     * another collector); "" if not set.
     */
    static String serviceJvmExtra() {
        return System.getProperty("perf.service-jvm", "").trim();
    }

    /** The options each service JVM is started with. */
    static List<String> serviceJvm() {
        List<String> options = new ArrayList<>(SERVICE_JVM);
        if (!serviceJvmExtra().isEmpty()) {
            options.addAll(List.of(serviceJvmExtra().split("\\s+")));
        }
        return options;
    }

    /** The run.sh variables that changed the setup, as they would be typed before the command. */
    static String overrides(Topology topology) {
        return (topology == Topology.STANDALONE ? overrides(jvmOverride(), mongoInOwnJvm()) : "")
                + (serviceJvmExtra().isEmpty() ? "" : "PERF_SERVICE_JVM=\"" + serviceJvmExtra() + "\" ")
                + (START_REPEATS == DEFAULT_START_REPEATS ? "" : "PERF_START_REPEATS=" + START_REPEATS + " ");
    }

    static String overrides(String jvm, boolean mongoInOwnJvm) {
        return (jvm.isEmpty() ? "" : "PERF_JVM=\"" + jvm + "\" ") + (mongoInOwnJvm ? "" : "PERF_MONGO=embedded ");
    }

    private static List<String> standaloneJvm() {
        String override = jvmOverride();
        return override.isEmpty() ? JVM : List.of(override.split("\\s+"));
    }

    /** Which JVMs ran what, with which heap and collector: the report states it, the tail latency depends on it. */
    public String describe() {
        if (topology == Topology.STANDALONE) {
            return "one JVM (" + String.join(" ", standaloneJvm()) + ") runs the four services, the Kafka broker and "
                    + (mongoInOwnJvm() ? "starts MariaDB and Redis; the MongoDB-wire server in a JVM of its own ("
                            + String.join(" ", MONGO_JVM) + ")"
                            : "the MongoDB-wire server; MariaDB and Redis are its child processes");
        }
        return "the four services as separate JVMs (" + String.join(" ", serviceJvm()) + ", extracted jar and CDS "
                + "archive, " + SERVICE_ENV.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining(" ")) + "); Kafka in a JVM of its own (" + String.join(" ", SERVERS_JVM) + ") that also starts MariaDB "
                + "and Redis; the MongoDB-wire server in a JVM of its own (" + String.join(" ", MONGO_JVM) + ")";
    }

    private void startStandalone() throws Exception {
        int port = FreePort.find();
        List<String> options = new ArrayList<>(standaloneJvm());
        Map<String, String> env = new HashMap<>(Map.of("ERP_DISPATCH_KEY", dispatchKey));
        if (mongoInOwnJvm()) {
            ServersProcess mongo = startMongo();
            env.putAll(mongo.environment());
            options.add("-Derp.embedded.servers=kafka,mariadb,redis");
        } else {
            options.add("-Derp.embedded.mongo-backend=memory");
        }
        options.addAll(List.of(
                "-Derp.embedded.data-dir=" + work.resolve("data"),
                "-Derp.embedded.kafka-port=" + kafkaPort,
                "-Derp.approval-processing.grpc.port=" + grpcPort,
                "-Derp.demo.password=" + PASSWORD,
                // the scenarios drive both paths with X-Dispatch-Mode sent by ordinary employees
                "-Derp.approval-request.sync.request-header=everyone",
                "-Derp.kafka.lag-meter-period-seconds=1",
                "-Dlogging.level.root=WARN",
                "-Dlogging.level.com.erp=WARN"));
        ServiceProcess standalone = launch("standalone", sut.resolve("standalone.jar"), port, env, options);
        employee = request = processingUrl = notification = standalone.baseUrl();
    }

    private void startServices() throws Exception {
        servers.put("Kafka", ServersProcess.start("servers", work.resolve("data"), java.util.EnumSet.of(Kind.KAFKA, Kind.MARIADB,
                Kind.REDIS), false, kafkaPort, SERVERS_JVM, work, Duration.ofSeconds(180)));
        startMongo();
        int employeePort = FreePort.find();
        Map<String, String> common = new HashMap<>(SERVICE_ENV);
        servers.values().forEach(s -> common.putAll(s.environment()));
        common.put("LOGGING_LEVEL_ROOT", "WARN");
        common.put("ERP_KAFKA_LAG_METER_PERIOD_SECONDS", "1");
        Map<String, String> verifier = new HashMap<>(common);
        verifier.put("ERP_AUTH_JWK_SET_URI", "http://127.0.0.1:" + employeePort + "/api/auth/jwks");
        Map<String, String> employeeEnv = new HashMap<>(common);
        employeeEnv.put("ERP_DEMO_ENABLED", "true");
        employeeEnv.put("ERP_DEMO_PASSWORD", PASSWORD);
        // its signing key from a file, as a pod has it from a secret: else each start makes up an RSA key (0.3 s here)
        employeeEnv.put("ERP_AUTH_KEY_FILE", work.resolve("signing-key.pem").toString());
        Map<String, String> requestEnv = new HashMap<>(verifier);
        requestEnv.put("EMPLOYEE_SERVICE_URL", "http://127.0.0.1:" + employeePort);
        requestEnv.put("PROCESSING_GRPC_ADDRESS", "127.0.0.1:" + grpcPort);
        requestEnv.put("ERP_DISPATCH_KEY", dispatchKey);
        requestEnv.put("ERP_APPROVAL_REQUEST_SYNC_REQUEST_HEADER", "everyone");
        processingEnv = new HashMap<>(verifier);
        processingEnv.put("GRPC_HOST", "127.0.0.1");
        processingEnv.put("GRPC_PORT", String.valueOf(grpcPort));
        processingEnv.put("ERP_DISPATCH_KEY", dispatchKey);
        processingEnv.put("EMPLOYEE_SERVICE_URL", "http://127.0.0.1:" + employeePort);
        processingPort = FreePort.find();
        // one at a time, so each start-up time is the service's own, not a share of two cores among four
        employee = launchImage("employee-service", employeePort, employeeEnv).baseUrl();
        request = launchImage("approval-request-service", FreePort.find(), requestEnv).baseUrl();
        processing = launchImage("approval-processing-service", processingPort, processingEnv);
        processingImage = images.get("approval-processing-service");
        processingUrl = processing.baseUrl();
        notification = launchImage("notification-service", FreePort.find(), verifier).baseUrl();
    }

    private ServersProcess startMongo() throws Exception {
        ServersProcess mongo = ServersProcess.start("mongo", work.resolve("data"), java.util.EnumSet.of(Kind.MONGO), true,
                0, MONGO_JVM, work, Duration.ofSeconds(60));
        servers.put("MongoDB-wire", mongo);
        return mongo;
    }

    private final Map<String, ServiceImage.Image> images = new HashMap<>();

    /** Prepares the service's image (not part of its start-up time), then starts it from that. */
    private ServiceProcess launchImage(String name, int port, Map<String, String> env) throws Exception {
        Path dir = work.resolve("images");
        Files.createDirectories(dir);
        ServiceImage.Image image = ServiceImage.prepare(name, sut.resolve(name + "-exec.jar"), dir, env, serviceJvm());
        images.put(name, image);
        List<Startup> starts = new ArrayList<>();
        for (int i = 1; i < START_REPEATS; i++) {
            ServiceProcess trial = startMeasured(name, image.jar(), port, env, image.jvmOptions(), starts);
            trial.close();
            processes.remove(trial);
        }
        ServiceProcess p = startMeasured(name, image.jar(), port, env, image.jvmOptions(), starts);
        startups.add(Startup.median(starts));
        return p;
    }

    private ServiceProcess launch(String name, Path jar, int port, Map<String, String> env, List<String> options)
            throws Exception {
        List<Startup> start = new ArrayList<>();
        ServiceProcess p = startMeasured(name, jar, port, env, options, start);
        startups.addAll(start);
        return p;
    }

    /** Starts it, and adds to {@code starts} how long it took to be ready and the memory it held after. */
    private ServiceProcess startMeasured(String name, Path jar, int port, Map<String, String> env, List<String> options,
                                         List<Startup> starts) throws Exception {
        long begin = System.nanoTime();
        ServiceProcess p = new ServiceProcess(name, jar, port, env, work, options);
        processes.add(p);
        p.awaitReady(Duration.ofSeconds(180));
        long readyMs = (System.nanoTime() - begin) / 1_000_000;
        Thread.sleep(3000);
        long afterStart = rssMb(p.pid());
        Thread.sleep(IDLE_AFTER.toMillis() - 3000);
        starts.add(new Startup(name, readyMs, afterStart, rssMb(p.pid()), Resident.of(p.pid())));
        return p;
    }

    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return -1;
    }

    /** Takes approval-processing away (its JVM, or in standalone its routes) until {@link #startProcessing()}. */
    public void stopProcessing(Accounts admin) throws Exception {
        if (topology == Topology.SERVICES) {
            processing.close();
            processes.remove(processing);
        } else {
            for (String route : PROCESSING_ROUTES) {
                routeControl(admin, route, "stop");
            }
        }
    }

    public void startProcessing(Accounts admin) throws Exception {
        if (topology == Topology.SERVICES) {
            Files.createDirectories(work.resolve("restart"));
            processing = new ServiceProcess("approval-processing-service", processingImage.jar(),
                    processingPort, processingEnv, work.resolve("restart"), processingImage.jvmOptions());
            processes.add(processing);
            processing.awaitReady(Duration.ofSeconds(180));
        } else {
            for (String route : PROCESSING_ROUTES) {
                routeControl(admin, route, "start");
            }
        }
    }

    /** Stops or starts only the Kafka consumer of approval-processing (to build a backlog). */
    public void consumer(Accounts admin, boolean run) {
        routeControl(admin, "approval-processing.activate-step", run ? "start" : "stop", processingUrl);
    }

    private static final List<String> PROCESSING_ROUTES = List.of("approval-processing.activate-step",
            "approval-processing.grpc-dispatch", "approval-processing.decide", "approval-processing.decide-many",
            "approval-processing.retract", "approval-processing.withdraw");

    private void routeControl(Accounts admin, String route, String action) {
        routeControl(admin, route, action, processingUrl);
    }

    private static void routeControl(Accounts admin, String route, String action, String base) {
        Http.Result r = admin.http().postJson(base + "/actuator/camelroutes/" + route + "/" + action,
                admin.token("admin"), "{}");
        if (r.status() >= 300) {
            throw new IllegalStateException(action + " " + route + ": " + r.status() + " " + r.body());
        }
    }

    /**
     * The processes a run's CPU goes to, by name: the service JVMs (or the standalone), the servers' JVMs and what
     * they started (mariadbd, redis-server), and the generator (this JVM).
     */
    public Map<String, ProcessHandle> cpuProcesses() {
        Map<String, ProcessHandle> all = new java.util.LinkedHashMap<>();
        Map<String, Long> jvms = new java.util.LinkedHashMap<>();
        processes.forEach(p -> jvms.put(p.name(), p.pid()));
        servers.forEach((name, s) -> jvms.put(name + " JVM", s.pid()));
        jvms.forEach((name, pid) -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(jvm -> {
            all.put(name, jvm);
            // what it started: mariadbd, redis-server (the watchdogs, a shell each, take no CPU worth a row)
            jvm.descendants().forEach(child -> child.info().command()
                    // redis-server-6.2.6-v5-linux-amd64: the name without its version
                    .map(c -> Path.of(c).getFileName().toString().replaceFirst("-\\d.*$", ""))
                    .filter(command -> !command.endsWith("sh"))
                    .ifPresent(command -> all.putIfAbsent(command, child)));
        }));
        all.put("generator (this JVM)", ProcessHandle.current());
        return all;
    }

    public Topology topology() {
        return topology;
    }

    public String employee() {
        return employee;
    }

    public String request() {
        return request;
    }

    public String processing() {
        return processingUrl;
    }

    public String notification() {
        return notification;
    }

    public String kafkaBrokers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The seal approval-request puts on a dispatch, for the scenario that calls the gRPC port itself. */
    public com.erp.routes.common.grpc.DispatchSeal dispatchSeal() {
        return com.erp.routes.common.grpc.DispatchSeal.of(dispatchKey);
    }

    public String grpcAddress() {
        return "127.0.0.1:" + grpcPort;
    }

    public List<Startup> startups() {
        return List.copyOf(startups);
    }

    @Override
    public void close() {
        processes.forEach(ServiceProcess::close);
        servers.values().forEach(ServersProcess::close);
    }
}
