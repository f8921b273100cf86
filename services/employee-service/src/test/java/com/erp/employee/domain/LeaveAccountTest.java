package com.erp.employee.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeaveAccountTest {

    @Test
    void reservesOnlyWhatIsLeftAndSettlesWhatItHeld() {
        LeaveAccount a = new LeaveAccount(1001, 2031, 30); // 15 days in half days
        assertThat(a.reserve(20)).isTrue();
        assertThat(a.available()).isEqualTo(10);
        assertThat(a.reserve(11)).as("more than is left").isFalse();
        assertThat(a.available()).as("a refusal holds nothing").isEqualTo(10);
        assertThat(a.reserve(10)).as("exactly what is left").isTrue();
        assertThat(a.available()).isZero();

        a.deduct(20);
        assertThat(a.getUsed()).isEqualTo(20);
        assertThat(a.getReserved()).isEqualTo(10);
        a.release(10);
        assertThat(a.getReserved()).isZero();
        assertThat(a.available()).isEqualTo(10);
        a.grant(3);
        assertThat(a.available()).isEqualTo(13);
        assertThat(a.reserve(0)).as("nothing is not a leave").isFalse();
    }
}
