package com.erp.perf;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.grpc.DispatchMessages;
import com.erp.routes.grpc.ApprovalDispatchGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the stack itself allows, measured in the same run so results read as ratios: an HTTP request that does
 * nothing (through the same security, contract validation and Camel as a submission), a raw Kafka producer
 * writing submission-sized records to the same broker, and approval-processing's gRPC dispatch called directly.
 */
final class Limits {

    private Limits() {
    }

    static Load.Outcome noop(Target target, Accounts accounts, int concurrency, Duration duration) throws Exception {
        Http http = accounts.http();
        String token = accounts.token("dev.staff");
        return Load.closed(concurrency, duration, Long.MAX_VALUE,
                i -> http.submit(target.request() + "/api/diagnostics/noop", token, "noop", null));
    }

    /** Records per second acknowledged by the broker (acks=all, as the services produce). */
    static Load.Outcome kafka(Target target, Duration duration) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBrokers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        String value = "x".repeat(600); // about the size of an approval.submitted event
        Recorder latencies = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(1000);
        long sent = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            // the first send waits for the topic to be created and its metadata: not part of the measurement
            producer.send(new ProducerRecord<>("perf.raw", "warm-up", value)).get(30, TimeUnit.SECONDS);
            start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                inFlight.acquire();
                long begin = System.nanoTime();
                producer.send(new ProducerRecord<>("perf.raw", UUID.randomUUID().toString(), value), (m, e) -> {
                    latencies.recordValue(Math.max(1, (System.nanoTime() - begin) / 1000));
                    (e == null ? ok : failed).incrementAndGet();
                    inFlight.release();
                });
                sent++;
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Load.Outcome(sent, ok.get(), failed.get(), Load.round(seconds), Load.round(ok.get() / seconds),
                Latency.of(latencies.getIntervalHistogram()), Map.of());
    }

    /** approval-processing's Dispatch RPC, called by {@code threads} blocking clients (each a new document). */
    static Load.Outcome grpc(Target target, Accounts accounts, int threads, Duration duration) throws Exception {
        String[] hostPort = target.grpcAddress().split(":");
        ManagedChannel channel = NettyChannelBuilder.forAddress(hostPort[0], Integer.parseInt(hostPort[1])).usePlaintext().build();
        Recorder latencies = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        // a demo drafter (a dispatch carries the drafter's own token) and an approver outside the demo organisation:
        // these documents exist only in processing, and nobody connected is told about them
        String token = accounts.token("dev.staff");
        var seal = target.dispatchSeal(); // the scenario plays approval-request
        Person drafter = new Person(accounts.id("dev.staff"), "perf", "STAFF", "perf");
        Person approver = new Person(900002, "perf-lead", "TEAM_LEAD", "perf");
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                var stub = ApprovalDispatchGrpc.newBlockingStub(channel);
                while (System.nanoTime() < end) {
                    String id = UUID.randomUUID().toString();
                    var request = seal.seal(DispatchMessages.request(ApprovalEvent.of(id, 0, java.time.Instant.now(),
                            new EventPayload.Submitted(drafter.id(), "grpc-direct", drafter, "GENERAL",
                                    java.util.List.of(new LineStep(1, approver)), java.time.Instant.now())), token));
                    long begin = System.nanoTime();
                    sent.incrementAndGet();
                    try {
                        stub.withDeadlineAfter(5, TimeUnit.SECONDS).dispatch(request);
                        ok.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                    latencies.recordValue(Math.max(1, (System.nanoTime() - begin) / 1000));
                }
            }, "perf-grpc-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        channel.shutdownNow();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Load.Outcome(sent.get(), ok.get(), failed.get(), Load.round(seconds), Load.round(ok.get() / seconds),
                Latency.of(latencies.getIntervalHistogram()), Map.of());
    }
}
