package com.erp.routes.employee;

import com.erp.routes.common.events.ReportingLines;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Publishes the org chart's reporting lines (who each employee's superior is: bean {@code reportingLinesPublisher}) whenever
 * they differ from what was published last, looked at every period. One place for every change of the chart rather
 * than a hook in each route that changes it; the price is up to a period's delay, nothing next to the working hours
 * an escalation waits for.
 */
@Component
public class ReportingLinesPublishRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:reporting-lines?delay={{erp.employee.reporting-lines.delay-ms}}"
                + "&period={{erp.employee.reporting-lines.period-ms}}")
                .routeId("employee.reporting-lines")
                // the database or Kafka away: nothing counts as published, and the next period tries again
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, "reporting lines not published: ${exception.message}")
                .end()
                .to("jpa:com.erp.employee.domain.Employee?namedQuery=Employee.reportingLines")
                .bean("reportingLinesPublisher", "changed")
                .filter(body().isNotNull())
                    .setVariable("lines", body())
                    .setHeader(KafkaConstants.KEY, constant(ReportingLines.KEY))
                    .marshal().json(JsonLibrary.Jackson)
                    .to("kafka:{{erp.topics.reporting-lines}}")
                    .bean("reportingLinesPublisher", "published(${variable.lines})")
                .end();
    }
}
