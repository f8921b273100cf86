package com.erp.approvalprocessing;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import com.erp.approvalprocessing.api.BulkDecisions;
import com.erp.approvalprocessing.api.LineChanges;
import com.erp.approvalprocessing.domain.BusinessCalendar;
import com.erp.approvalprocessing.domain.ReminderPolicy;
import com.erp.approvalprocessing.domain.Workflow;
import com.erp.approvalprocessing.persistence.ProcessingOutboxDeadLetters;
import com.erp.approvalprocessing.persistence.RedisApprovalStore;
import com.erp.approvalprocessing.persistence.RedisDelegations;
import com.erp.approvalprocessing.persistence.RedisOutbox;
import com.erp.approvalprocessing.persistence.RedisReminders;
import com.erp.routes.approvalprocessing.ProcessingOutboxRoute;
import com.erp.routes.common.CurrentTrace;
import com.erp.routes.common.redis.RedisReportingLines;
import com.erp.routes.common.directory.DirectoryConfiguration;
import com.erp.routes.common.directory.EmployeeDirectory;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.Topics;
import com.erp.routes.common.grpc.DispatchAuthorization;
import com.erp.routes.common.kafka.OutboxBacklog;
import com.erp.routes.common.redis.RedisKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import com.erp.routes.common.web.ServiceContract;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** approval-processing-service as a module: its routes and beans, for its own application and for standalone. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"com.erp.approvalprocessing", "com.erp.routes.approvalprocessing"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@EnableConfigurationProperties(Topics.class)
@Import(DirectoryConfiguration.class)
public class ApprovalProcessingModule {

    @Bean
    ServiceContract approvalProcessingContract() {
        return new ServiceContract("approval-processing", "openapi/approval-processing-api.yaml", "com.erp.approvalprocessing.api");
    }

    @Bean
    RedisDelegations delegations(StringRedisTemplate redis, ObjectMapper json, Clock clock,
                                 @Value("${erp.calendar-zone}") ZoneId zone) {
        return new RedisDelegations(redis, json, clock, zone);
    }

    @Bean
    Workflow workflow(Clock clock, @Value("${erp.calendar-zone}") ZoneId zone, RedisDelegations delegations) {
        return new Workflow(clock, zone, delegations);
    }

    @Bean
    LineChanges lineChanges(EmployeeDirectory directory) {
        return new LineChanges(directory);
    }

    @Bean
    BulkDecisions bulkDecisions(Clock clock, @Value("${erp.approval-processing.bulk-decisions.budget}") Duration budget) {
        return new BulkDecisions(clock, budget);
    }

    @Bean
    DispatchAuthorization dispatchAuthorization(JwtDecoder tokens) {
        return new DispatchAuthorization(tokens);
    }

    @Bean
    OutboxBacklog approvalProcessingOutboxBacklog(MeterRegistry meters, StringRedisTemplate redis) {
        return OutboxBacklog.register(meters, "approval-processing",
                () -> redis.opsForHash().size(RedisKeys.PROCESSING_OUTBOX));
    }

    @Bean
    ProcessingOutboxDeadLetters processingOutboxDeadLetters(StringRedisTemplate redis, ObjectMapper json, Clock clock,
                                                            ProcessingOutboxRoute outboxRoutes) {
        return new ProcessingOutboxDeadLetters(redis, json, clock, outboxRoutes::lookSoon);
    }

    /** A bean: the gauge holds it weakly. */
    @Bean
    OutboxBacklog approvalProcessingOutboxDeadLettersGauge(MeterRegistry meters, ProcessingOutboxDeadLetters dead) {
        return OutboxBacklog.registerDeadLetters(meters, "approval-processing", dead::count, Duration.ofSeconds(5));
    }

    @Bean
    RedisApprovalStore approvalStore(StringRedisTemplate redis, ObjectMapper json, Topics topics, Clock clock,
                                     @Value("${erp.approval-processing.finished-ttl}") Duration finishedTtl,
                                     RedisDelegations delegations, ReminderPolicy reminders,
                                     CurrentTrace trace) {
        return new RedisApprovalStore(redis, json, topics, clock, finishedTtl, delegations, reminders, trace);
    }

    @Bean
    RedisOutbox processingOutbox(StringRedisTemplate redis, ObjectMapper json, Clock clock,
                                 @Value("${erp.approval-processing.outbox.grace-ms}") long graceMs) {
        return new RedisOutbox(redis, json, clock, Duration.ofMillis(graceMs));
    }

    /** The company's working time (erp.working-time), in which a step's waiting is counted. */
    @Bean
    BusinessCalendar businessCalendar(@Value("${erp.calendar-zone}") ZoneId zone,
                                      @Value("${erp.working-time.hours}") String hours, CompanyDays days) {
        return new BusinessCalendar(zone, days, hours);
    }

    @Bean
    ReminderPolicy reminderPolicy(BusinessCalendar calendar,
                                  @Value("${erp.approval-processing.reminders.after}") Duration after,
                                  @Value("${erp.approval-processing.reminders.repeat}") Duration repeat,
                                  @Value("${erp.approval-processing.reminders.overdue-after}") Duration overdueAfter,
                                  @Value("${erp.approval-processing.reminders.escalate-after}") Duration escalateAfter) {
        return new ReminderPolicy(calendar, after, repeat, overdueAfter, escalateAfter);
    }

    @Bean
    RedisReportingLines reportingLines(StringRedisTemplate redis, ObjectMapper json) {
        return new RedisReportingLines(redis, RedisKeys.REPORTING_LINES, json, Duration.ofSeconds(5));
    }

    @Bean
    RedisReminders reminders(StringRedisTemplate redis, ObjectMapper json, Clock clock, Workflow workflow,
                             ReminderPolicy policy, @Value("${erp.approval-processing.reminders.batch}") int batch,
                             @Value("${erp.approval-processing.reminders.requested-every}") Duration requestedEvery,
                             @Qualifier("reportingLines") RedisReportingLines reportingLines) {
        return new RedisReminders(redis, json, clock, workflow, policy, batch, requestedEvery, reportingLines);
    }
}
