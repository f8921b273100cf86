package com.erp.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void aPortIsHandedOutOnlyOnceInAJvm() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertThat(seen.add(FreePort.find())).as("handed out twice").isTrue();
        }
    }
}
