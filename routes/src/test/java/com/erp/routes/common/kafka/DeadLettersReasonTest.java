package com.erp.routes.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLettersReasonTest {

    @Test
    void aDeadLettersReasonIsNeverNullAndNamesItsRootCause() {
        assertThat(DeadLetters.reason(new IllegalStateException("no approval line"))).isEqualTo("no approval line");
        assertThat(DeadLetters.reason(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
        assertThat(DeadLetters.reason(new RuntimeException("could not record",
                new IllegalArgumentException("wrapper", new java.io.IOException("disk full")))))
                .isEqualTo("could not record; caused by disk full");
        assertThat(DeadLetters.reason(new RuntimeException(new NullPointerException())))
                .isEqualTo("java.lang.NullPointerException");
        assertThat(DeadLetters.reason(null)).isEqualTo("unknown");
        // a cause chain that loops ends
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DeadLetters.reason(a)).isEqualTo("a; caused by b");
    }
}
