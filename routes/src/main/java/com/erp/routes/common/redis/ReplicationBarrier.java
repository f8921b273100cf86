package com.erp.routes.common.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Returns once Redis's replicas hold every write made before the call ({@code WAIT}), so that an event is published,
 * or a consumed message's offset committed, only when the change would outlive a failover to a replica: Redis
 * replicates asynchronously, and a primary lost before its replica got the last writes would take them along while
 * their events live on in Kafka (or their messages count as consumed).
 * <p>
 * {@code WAIT} waits for the writes of its own connection, and the service's Lettuce connection is shared by all its
 * commands: a {@code WAIT} there would hold every command behind it. So the barrier has a connection of its own, makes
 * a write of its own there ({@link #MARKER_KEY}) and waits for that: the replication stream is one, so once the
 * replicas acknowledged it they hold every write before it. Callers arriving while a round runs share the next one (a
 * group commit): at most one round in flight, however many publish at once.
 * <p>
 * With {@code replicas} 0 (no replicas, as on one machine) it returns at once and opens no connection.
 */
public class ReplicationBarrier implements AutoCloseable {

    /** The barrier's own write: a counter nothing else reads. */
    public static final String MARKER_KEY = "erp:replication-barrier";

    private final int replicas;
    private final Duration timeout;
    private final Supplier<StatefulRedisConnection<String, String>> connect;
    private final ExecutorService roundsThread;
    private final AtomicLong rounds = new AtomicLong();
    /** The rounds' thread's alone. */
    private StatefulRedisConnection<String, String> connection;
    /** The round callers wait for that has not started yet (guarded by this). */
    private CompletableFuture<Long> next;
    private boolean running;

    /**
     * @param replicas how many replicas must hold a write (0: none waited for)
     * @param timeout  how long a round waits for them before the callers are told the writes are not replicated
     * @param connect  opens the barrier's own connection (once, and again after a failure)
     */
    public ReplicationBarrier(int replicas, Duration timeout, Supplier<StatefulRedisConnection<String, String>> connect) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more, not " + replicas);
        }
        this.replicas = replicas;
        this.timeout = timeout;
        this.connect = connect;
        this.roundsThread = replicas == 0 ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "redis-replication-barrier");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A barrier on a connection of its own from the client Spring configured for the service (host, password, TLS,
     * sentinels), opened at its first round: {@code erp.redis.replicas-to-wait}, {@code erp.redis.replication-timeout}.
     */
    public static ReplicationBarrier of(
            org.springframework.beans.factory.ObjectProvider<org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory> lettuce,
            int replicas, Duration timeout) {
        if (replicas > 0 && lettuce.getObject().isClusterAware()) {
            // told at start, not as a failure to replicate that consumers would retry for ever
            throw new IllegalStateException("erp.redis.replicas-to-wait needs a standalone or sentinel Redis, not a "
                    + "cluster");
        }
        return new ReplicationBarrier(replicas, timeout,
                () -> ((io.lettuce.core.RedisClient) lettuce.getObject().getRequiredNativeClient()).connect());
    }

    public int replicas() {
        return replicas;
    }

    /** How many rounds ran (one {@code WAIT} each). */
    public long rounds() {
        return rounds.get();
    }

    /**
     * Waits until at least {@code replicas} replicas hold every write this process completed before the call.
     *
     * @throws NotReplicatedException when fewer acknowledged within the timeout, or Redis could not be asked
     */
    public void await() {
        if (replicas == 0) {
            return;
        }
        CompletableFuture<Long> round;
        synchronized (this) {
            if (next == null) {
                next = new CompletableFuture<>();
            }
            round = next;
            if (!running) {
                try {
                    roundsThread.execute(this::runRounds);
                    running = true;
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    next = null;
                    round.completeExceptionally(closed);
                }
            }
        }
        long acknowledged;
        try {
            // a round in flight, then this one: each bounded by the WAIT's timeout (and the connection's)
            acknowledged = round.get(2 * timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new NotReplicatedException("Redis could not be asked whether its replicas hold the writes: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new NotReplicatedException("no answer from Redis on whether its replicas hold the writes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReplicatedException("interrupted while waiting for Redis's replicas", e);
        }
        if (acknowledged < replicas) {
            throw new NotReplicatedException(acknowledged + " of the " + replicas + " replica(s) waited for hold the "
                    + "writes after " + timeout.toMillis() + " ms");
        }
    }

    private void runRounds() {
        while (true) {
            CompletableFuture<Long> round;
            synchronized (this) {
                round = next;
                next = null;
                if (round == null) {
                    running = false;
                    return;
                }
            }
            try {
                round.complete(waitForReplicas());
            } catch (Throwable e) { // whatever it is, the round's callers are told and the next round runs
                closeConnection(); // opened again for the next round
                round.completeExceptionally(e);
            }
        }
    }

    private long waitForReplicas() {
        if (connection == null || !connection.isOpen()) {
            connection = connect.get();
            connection.setTimeout(timeout.plusSeconds(2)); // longer than the WAIT it sends
        }
        RedisCommands<String, String> redis = connection.sync();
        redis.incr(MARKER_KEY);
        rounds.incrementAndGet();
        return redis.waitForReplication(replicas, timeout.toMillis());
    }

    private void closeConnection() {
        StatefulRedisConnection<String, String> open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
        }
    }

    @Override
    public void close() {
        if (roundsThread != null) {
            roundsThread.shutdownNow();
            try {
                roundsThread.awaitTermination(timeout.toMillis() + 3_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeConnection();
        }
    }

    /** The writes are not known to be on the replicas waited for. */
    public static class NotReplicatedException extends RuntimeException {
        public NotReplicatedException(String message, Throwable cause) {
            super(message, cause);
        }

        public NotReplicatedException(String message) {
            super(message);
        }
    }
}
