package com.erp.routes.employee;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Every few minutes, the password-spraying record lets go of what lapsed (bean {@code passwordSprayGuard}): failures
 * older than the window, pauses over. Outside the sign-ins, so a sign-in never waits on a sweep's locks, and also
 * when no sign-in fails any more (the hashes of failed passwords are kept no longer than they are counted).
 */
@Component
public class SpraySweepRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:spray-sweep?delay={{erp.auth.login.spray.sweep-ms}}&period={{erp.auth.login.spray.sweep-ms}}")
                .routeId("employee.spray-sweep")
                // the database away: the next period sweeps what this one could not
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, "spray record not swept: ${exception.message}")
                .end()
                .bean("passwordSprayGuard", "sweep")
                .filter(body().isGreaterThan(0))
                    .log(LoggingLevel.DEBUG, "spray record: ${body} lapsed row(s) deleted")
                .end();
    }
}
