package com.erp.routes.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import com.erp.routes.grpc.DispatchRequest;
import com.erp.routes.grpc.LineStep;
import com.erp.routes.grpc.Person;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class DispatchSealTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private final DispatchRequest request = DispatchRequest.newBuilder().setApprovalId("a-1").setDocumentType("LEAVE")
            .setDrafter(Person.newBuilder().setId(7)).addLine(LineStep.newBuilder().setStep(1)
                    .setApprover(Person.newBuilder().setId(8))).setCallerToken("t").build();

    @Test
    void twoProcessesWithTheSameKeyAgreeAndAnyChangeBreaksTheSeal() {
        DispatchRequest sealed = DispatchSeal.of(KEY).seal(request);
        DispatchSeal other = DispatchSeal.of(KEY);

        assertThat(other.configured()).isTrue();
        assertThat(other.verify(sealed)).isEqualTo(sealed);
        assertDenied(() -> other.verify(request));
        assertDenied(() -> other.verify(sealed.toBuilder().setDocumentType("GENERAL").build()));
        assertDenied(() -> other.verify(sealed.toBuilder().setCallerToken("u").build()));
        assertDenied(() -> other.verify(sealed.toBuilder().addCc(Person.newBuilder().setId(9)).build()));
        assertDenied(() -> other.verify(sealed.toBuilder().addReceivingDepartments(
                com.erp.routes.grpc.ReceivingDepartment.newBuilder().setId(2).setName("영업본부")).build()));
    }

    @Test
    void withoutAKeyEachProcessHasItsOwnAndAShortKeyIsRefused() {
        DispatchSeal mine = DispatchSeal.of("");
        assertThat(mine.configured()).isFalse();
        assertThat(mine.verify(mine.seal(request))).isNotNull();
        assertDenied(() -> DispatchSeal.of(null).verify(mine.seal(request)));
        assertThatThrownBy(() -> DispatchSeal.of(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    private static void assertDenied(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }
}
