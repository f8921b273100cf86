package com.erp.approvalrequest.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.erp.approvalrequest.api.DispatchModeState;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.FieldError;
import com.erp.routes.common.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;

/**
 * How submissions reach approval-processing (bean {@code dispatchMode}): ASYNC through Kafka (202, the
 * default) or SYNC through a gRPC call that returns once the first step is active (201). Switchable at run
 * time by an administrator (REST, or the console over JMX), without a restart; each request reads the mode
 * once, so a switch never disturbs requests in flight. A request may name its own mode in
 * {@code X-Dispatch-Mode}: an administrator's always, anyone's where {@code erp.approval-request.sync.request-header}
 * is {@code everyone} (the load tests drive both paths that way). Otherwise the header is refused (403): the mode an
 * operator chose (ASYNC while the synchronous path is in trouble, say) is not for every client to overrule.
 * <p>
 * The mode is the service's, kept in a {@link DispatchModeStore} (MongoDB) that a switch writes first: every instance
 * reads it again every second ({@link #refresh}, route {@code approval-request.dispatch-mode-refresh}) and at its
 * start, so a switch reaches every pod within about a second and a pod started later takes the mode in force. While
 * the store cannot be read an instance keeps the mode it has; a switch it cannot record is refused (503), not made in
 * one pod alone.
 */
@ManagedResource(objectName = "com.erp:type=DispatchMode,service=approval-request",
        description = "How approval-request hands submissions to approval-processing: ASYNC (Kafka) or SYNC (gRPC)")
public class DispatchMode {

    public enum Mode { ASYNC, SYNC }

    /** Whose {@code X-Dispatch-Mode} is honoured. */
    public enum RequestHeader { ADMINS, EVERYONE }

    private record State(Mode mode, Instant since, String changedBy) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DispatchMode.class);

    private final AtomicReference<State> state;
    private final DispatchModeStore store;
    private volatile boolean storeFailing;
    private final Clock clock;
    private final Counter asyncSubmissions;
    private final Counter syncSubmissions;
    private final RequestHeader requestHeader;

    public DispatchMode(Mode initial, RequestHeader requestHeader, Clock clock, MeterRegistry meters) {
        this(initial, requestHeader, DispatchModeStore.NONE, clock, meters);
    }

    public DispatchMode(Mode initial, RequestHeader requestHeader, DispatchModeStore store, Clock clock,
                        MeterRegistry meters) {
        this.clock = clock;
        this.requestHeader = requestHeader;
        this.store = store;
        this.state = new AtomicReference<>(new State(initial, clock.instant(), "configuration"));
        refresh(); // the mode in force, if an administrator ever switched it
        Gauge.builder("erp.dispatch.mode", this, d -> d.state.get().mode() == Mode.SYNC ? 1 : 0)
                .description("The dispatch mode of approval-request: 0 = ASYNC (Kafka), 1 = SYNC (gRPC)")
                .register(meters);
        this.asyncSubmissions = Counter.builder("erp.dispatch.submissions").tag("mode", "async")
                .description("Submissions by the path they took").register(meters);
        this.syncSubmissions = Counter.builder("erp.dispatch.submissions").tag("mode", "sync")
                .description("Submissions by the path they took").register(meters);
    }

    /**
     * Refuses a request's own choice of path to a caller who may not make it; checked before anything is drafted or
     * stored.
     */
    public void permit(String requested, Caller caller) {
        if (requested != null && !requested.isBlank() && requestHeader == RequestHeader.ADMINS && !caller.isAdmin()) {
            throw ProblemException.forbidden("Only an administrator may choose the dispatch path (X-Dispatch-Mode); "
                    + "without the header the document goes the current way (" + getMode() + "). Nothing was submitted.");
        }
    }

    /**
     * Whether this request goes the synchronous way: its header if it names a mode, else the current mode. Not counted
     * yet: it is decided before the document is stored ({@link #counted} after).
     */
    public boolean chosen(String requested) {
        Mode mode = requested == null || requested.isBlank() ? state.get().mode() : Mode.valueOf(requested.toUpperCase(Locale.ROOT));
        return mode == Mode.SYNC;
    }

    /** Counts a stored submission on its way ({@code erp_dispatch_submissions_total{mode}}). */
    public void counted(boolean sync) {
        (sync ? syncSubmissions : asyncSubmissions).increment();
    }

    public DispatchModeState current() {
        State s = state.get();
        return new DispatchModeState(s.mode().name(), s.since(), s.changedBy());
    }

    /** The mode as {@code caller} may read it: who switched it only for administrators. */
    public DispatchModeState currentFor(com.erp.routes.common.security.Caller caller) {
        DispatchModeState s = current();
        return caller.isAdmin() ? s : new DispatchModeState(s.mode(), s.since(), null);
    }

    /**
     * Switches the mode for every instance; {@code by} is who did (an administrator's username, or "jmx"). Recorded in
     * the store first: a switch it cannot record is refused (503), not made in this instance alone.
     */
    public DispatchModeState switchTo(String mode, String by) {
        Mode next;
        try {
            next = Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest("The mode is ASYNC or SYNC.", java.util.List.of(new FieldError("/mode", "is ASYNC or SYNC")));
        }
        synchronized (this) {
            State now = state.get();
            if (now.mode() == next) {
                return current();
            }
            State switched = new State(next, clock.instant(), by);
            try {
                store.write(new DispatchModeStore.Stored(next.name(), switched.since(), by));
            } catch (RuntimeException e) {
                throw ProblemException.unavailable("The switch to " + next + " could not be recorded for every "
                        + "instance of approval-request (" + e.getMessage() + "); it is still " + now.mode() + ".", 5);
            }
            state.set(switched);
        }
        return current();
    }

    /**
     * Takes the mode in force from the store (another instance may have switched it); keeps the one it has while the
     * store cannot be read or holds none. Whether it changed.
     */
    public boolean refresh() {
        // a switch here sets a new state: one other than this when the read is applied means the read may be older
        State seen = state.get();
        Optional<DispatchModeStore.Stored> kept;
        try {
            kept = store.read();
        } catch (RuntimeException e) {
            if (!storeFailing) {
                LOG.warn("the dispatch mode cannot be read from its store; keeping {}: {}", getMode(), e.toString());
            }
            storeFailing = true;
            return false;
        }
        storeFailing = false;
        if (kept.isEmpty()) {
            return false;
        }
        Mode mode;
        try {
            mode = Mode.valueOf(kept.get().mode());
        } catch (IllegalArgumentException e) {
            return false; // a mode this version does not know
        }
        State from = new State(mode, kept.get().since() == null ? clock.instant() : kept.get().since(),
                kept.get().changedBy());
        synchronized (this) {
            // switched here while the store was read: what was read may be from before the switch (for a second,
            // until the next refresh, this instance would have gone the old way)
            if (state.get() != seen || from.equals(state.get())) {
                return false;
            }
            boolean switched = state.get().mode() != mode;
            state.set(from);
            if (switched) {
                LOG.info("dispatch mode {} (switched by {} on another instance)", mode, from.changedBy());
            }
            return switched;
        }
    }

    @ManagedAttribute(description = "ASYNC (Kafka, 202) or SYNC (gRPC, 201)")
    public String getMode() {
        return state.get().mode().name();
    }

    @ManagedOperation(description = "Switch to ASYNC or SYNC")
    public String switchMode(String mode) {
        return switchTo(mode, "jmx").mode();
    }
}
