package com.erp.devinfra;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker + controller), in this JVM.
 * It keeps its ports and log directory across {@link #stop()} / {@link #start()}, so a test can take the
 * broker away and bring it back the way an outage would.
 */
public final class EmbeddedKafka extends AbstractEmbeddedServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private KafkaRaftServer server;

    public EmbeddedKafka(Path logDir, int port, int partitions) {
        this.logDir = logDir;
        this.port = FreePort.orFree(port);
        this.controllerPort = FreePort.find(this.port); // never the broker's own port, wherever that came from
        this.partitions = partitions;
    }

    @Override
    public Kind kind() {
        return Kind.KAFKA;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    protected void doStart() throws Exception {
        Files.createDirectories(logDir);
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties());
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config);
        }
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        LOG.info("Kafka (KRaft) broker up on {} with log dir {}", bootstrapServers(), logDir);
    }

    private void format(KafkaConfig config) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Formatter()
                .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .run();
        LOG.debug("formatted Kafka log dir: {}", out.toString(StandardCharsets.UTF_8).trim());
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", String.valueOf(partitions));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        // Fewer offset partitions: the group coordinator is ready sooner on a cold start.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.retention.hours", "168");
        // committed offsets kept as long as the dead-letter topics keep their messages (30 days): the replay's marks
        // (group erp-dead-letter-replay) must outlive them, or what was replayed is pending again and replayed twice
        p.put("offsets.retention.minutes", "43200");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        // A controlled shutdown (the broker asks the controller to fence it first) takes a fraction of a second
        // here, and lets the broker register again at once when it is started again (below).
        p.put("controlled.shutdown.enable", "true");
        // The controller fences a broker whose heartbeats stop for this long (Kafka's default). Under load on two
        // cores, sharing a JVM and the cores with everything else, heartbeats came seconds late: at 2 s the only
        // broker was fenced mid-run (NOT_LEADER_OR_FOLLOWER on every partition, sends expiring, offset commits
        // failing). A broker stopped without a controlled shutdown (a crash) must wait this long to register again:
        // a restart took 13 s, against 0.5 s after a controlled one.
        p.put("broker.session.timeout.ms", "9000");
        p.put("broker.heartbeat.interval.ms", "1000");
        return p;
    }

    @Override
    protected void doStop() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    @Override
    public Map<String, String> connectionProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.component.kafka.brokers", bootstrapServers());
        return p;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("CAMEL_COMPONENT_KAFKA_BROKERS", bootstrapServers());
    }
}
