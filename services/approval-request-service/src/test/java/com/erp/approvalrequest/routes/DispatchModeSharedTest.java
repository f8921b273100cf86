package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import com.erp.approvalrequest.dispatch.DispatchMode;
import com.erp.approvalrequest.persistence.MongoDispatchModeStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dispatch mode is the service's, not one instance's: with several pods behind the ingress, a switch that reached
 * one of them reaches the others within about a second (each reads it from MongoDB), and a pod started later takes the
 * mode in force rather than its configured initial one. Another instance is a second {@link DispatchMode} on the
 * same database, as another pod's would be.
 */
class DispatchModeSharedTest extends ApprovalRequestRouteTestBase {

    @Autowired
    DispatchMode dispatchMode;

    private DispatchMode anotherPod() {
        return new DispatchMode(DispatchMode.Mode.ASYNC, DispatchMode.RequestHeader.ADMINS,
                new MongoDispatchModeStore(mongo, "erp"), Clock.systemUTC(), new SimpleMeterRegistry());
    }

    @AfterEach
    void backToAsync() {
        http.put("/api/admin/dispatch-mode", adminToken(), Map.of("mode", "ASYNC"));
        await(() -> "ASYNC".equals(dispatchMode.getMode()));
    }

    @Test
    void aSwitchReachesEveryInstanceAndOneStartedLater() {
        DispatchMode other = anotherPod();
        assertThat(other.getMode()).isEqualTo("ASYNC");

        // the administrator's request reached this instance: the other reads it at its next refresh
        assertThat(http.put("/api/admin/dispatch-mode", adminToken(), Map.of("mode", "SYNC")).status()).isEqualTo(200);
        assertThat(other.refresh()).isTrue();
        assertThat(other.getMode()).isEqualTo("SYNC");
        assertThat(other.current().changedBy()).isEqualTo(dispatchMode.current().changedBy()).isNotBlank();
        // a pod started now (configured async) takes the mode in force
        assertThat(anotherPod().getMode()).isEqualTo("SYNC");

        // switched back through the other instance (its console, say): this one follows by itself, within seconds
        other.switchTo("ASYNC", "jmx");
        await(() -> "ASYNC".equals(dispatchMode.getMode()));
        assertThat(http.get("/api/admin/dispatch-mode", adminToken()).json().path("changedBy").asText()).isEqualTo("jmx");
        assertThat(other.refresh()).as("nothing new").isFalse();
    }
}
