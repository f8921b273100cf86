package com.erp.approvalrequest.dispatch;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the dispatch mode is kept for every instance of approval-request: the switch is the service's, not one pod's
 * (an administrator's request reaches one of them; a pod started later takes the mode in force, not its configured
 * initial one).
 */
public interface DispatchModeStore {

    /** The mode in force, since when, and who switched it to it. */
    record Stored(String mode, Instant since, String changedBy) {
    }

    /** The mode kept, if it was ever switched. */
    Optional<Stored> read();

    void write(Stored stored);

    /** No store: each instance keeps its own (a single JVM, unit tests). */
    DispatchModeStore NONE = new DispatchModeStore() {
        @Override
        public Optional<Stored> read() {
            return Optional.empty();
        }

        @Override
        public void write(Stored stored) {
        }
    };
}
