package com.erp.routes.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErpDispatchAutoConfigurationTest {

    @Test
    void aServiceWithOneSideOfTheDispatchNeedsTheSharedKey() {
        // approval-request alone, approval-processing alone, without the key: refused at start
        assertThatThrownBy(() -> ErpDispatchAutoConfiguration.requireSharedKey(true, true, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ERP_DISPATCH_KEY");
        assertThatThrownBy(() -> ErpDispatchAutoConfiguration.requireSharedKey(true, false, true))
                .isInstanceOf(IllegalStateException.class);
        // standalone (both sides), a service with neither, or any with the key: fine
        assertThatCode(() -> ErpDispatchAutoConfiguration.requireSharedKey(true, true, true)).doesNotThrowAnyException();
        assertThatCode(() -> ErpDispatchAutoConfiguration.requireSharedKey(true, false, false)).doesNotThrowAnyException();
        assertThatCode(() -> ErpDispatchAutoConfiguration.requireSharedKey(false, true, false)).doesNotThrowAnyException();
    }
}
