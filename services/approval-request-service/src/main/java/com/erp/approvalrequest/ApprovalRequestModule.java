package com.erp.approvalrequest;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import com.erp.approvalrequest.dispatch.DispatchMode;
import com.erp.approvalrequest.dispatch.SyncDispatch;
import com.erp.approvalrequest.domain.LeadAuthority;
import com.erp.approvalrequest.domain.Submissions;
import com.erp.approvalrequest.persistence.ApprovalDocuments;
import com.erp.approvalrequest.persistence.ApprovalReports;
import com.erp.approvalrequest.persistence.Attachments;
import com.erp.approvalrequest.persistence.Drafts;
import com.erp.approvalrequest.persistence.DelegationReplica;
import com.erp.approvalrequest.persistence.MongoCollections;
import com.erp.approvalrequest.persistence.MongoPingHealthIndicator;
import com.erp.approvalrequest.persistence.RequestOutboxDeadLetters;
import com.erp.routes.approvalrequest.OutboxRelayRoute;
import com.erp.routes.common.CurrentTrace;
import com.erp.routes.common.directory.DirectoryConfiguration;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.Topics;
import com.erp.routes.common.grpc.CallDeadline;
import com.erp.routes.common.kafka.OutboxBacklog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import com.erp.routes.common.web.ServiceContract;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.FilterType;

/** approval-request-service as a module: its routes and beans, for its own application and for standalone. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"com.erp.approvalrequest", "com.erp.routes.approvalrequest"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@EnableConfigurationProperties(Topics.class)
@Import(DirectoryConfiguration.class)
public class ApprovalRequestModule {

    @Bean
    ServiceContract approvalRequestContract() {
        return new ServiceContract("approval-request", "openapi/approval-request-api.yaml", "com.erp.approvalrequest.api");
    }

    @Bean
    DispatchMode dispatchMode(@Value("${erp.approval-request.sync.initial-mode}") String initial,
                              @Value("${erp.approval-request.sync.request-header}") String requestHeader, Clock clock,
                              MeterRegistry meters, MongoClient mongo,
                              @Value("${erp.approval-request.database}") String database) {
        // the mode is the service's: kept in MongoDB for every instance (MongoDispatchModeStore)
        return new DispatchMode(DispatchMode.Mode.valueOf(initial.toUpperCase(java.util.Locale.ROOT)),
                DispatchMode.RequestHeader.valueOf(requestHeader.toUpperCase(java.util.Locale.ROOT)),
                new com.erp.approvalrequest.persistence.MongoDispatchModeStore(mongo, database), clock, meters);
    }

    /** The synchronous dispatch's deadline, on the gRPC call itself ({@link CallDeadline}). */
    @Bean
    CallDeadline processingCallDeadline(@Value("${erp.approval-request.sync.deadline-ms}") long deadlineMs) {
        return new CallDeadline(Duration.ofMillis(deadlineMs));
    }

    @Bean
    SyncDispatch syncDispatch(DispatchMode mode, @Value("${erp.approval-request.sync.retry-after-seconds}") int retryAfter) {
        return new SyncDispatch(mode, retryAfter);
    }

    /**
     * The dispatch mode on /actuator/info, which anyone may read: the mode and since when, not which administrator
     * switched it (GET /api/admin/dispatch-mode says, to administrators).
     */
    @Bean
    InfoContributor dispatchModeInfo(DispatchMode mode) {
        return info -> {
            com.erp.approvalrequest.api.DispatchModeState s = mode.current();
            info.withDetail("dispatch", java.util.Map.of("mode", s.mode(), "since", s.since()));
        };
    }

    @Bean
    LeadAuthority leadAuthority(@Value("${erp.approval-request.lead-decides.expense-won}") long expenseWon,
                                @Value("${erp.approval-request.lead-decides.leave-days}") double leaveDays,
                                @Value("${erp.approval-request.lead-decides.trip-days}") int tripDays) {
        return new LeadAuthority(new LeadAuthority.Limits(expenseWon, leaveDays, tripDays));
    }

    @Bean
    Submissions submissions(Clock clock, @Value("${erp.approval-request.numbering-zone}") ZoneId zone, CompanyDays days,
                            LeadAuthority leadAuthority,
                            @Value("${erp.approval-request.sync.deadline-ms}") long syncDeadlineMs) {
        // the call's deadline, and a margin for taking the document back after it
        return new Submissions(clock, zone, days, leadAuthority, Duration.ofMillis(syncDeadlineMs).plusSeconds(5));
    }

    @Bean
    Drafts drafts(Clock clock, ObjectMapper json, @Value("${erp.approval-request.drafts-kept}") Duration kept) {
        return new Drafts(clock, json, kept);
    }

    @Bean
    Attachments attachments(Clock clock,
                            @Value("${erp.approval-request.attachments-max-size}") org.springframework.util.unit.DataSize max,
                            @Value("${erp.approval-request.attachments-daily-size}") org.springframework.util.unit.DataSize daily,
                            @Value("${erp.approval-request.attachments-keep-unsubmitted}") Duration keep,
                            @Value("${erp.approval-request.attachments-marks-checked-after}") Duration marksCheckedAfter) {
        return new Attachments(clock, max.toBytes(), daily.toBytes(), keep, marksCheckedAfter);
    }

    @Bean
    ApprovalDocuments approvalDocuments(ObjectMapper json, Topics topics, Clock clock,
                                        @Value("${erp.approval-request.numbering-zone}") ZoneId zone,
                                        @Value("${erp.approval-request.outbox.grace-ms}") long graceMs,
                                        @Value("${erp.calendar-zone}") ZoneId calendarZone,
                                        CurrentTrace trace) {
        return new ApprovalDocuments(json, topics, clock, zone, Duration.ofMillis(graceMs), calendarZone,
                trace);
    }

    @Bean
    OutboxBacklog approvalRequestOutboxBacklog(MeterRegistry meters, MongoClient mongo, ApprovalDocuments documents,
                                               @Value("${erp.approval-request.database}") String database,
                                               @Value("${erp.approval-request.outbox.backlog-max-age-ms}") long maxAgeMs) {
        // counted from a find, not countDocuments: that is an aggregation, which the embedded server answers by
        // scanning every document; a find by the outbox mark is an index lookup there
        return OutboxBacklog.register(meters, "approval-request", () -> {
            long pending = 0;
            for (Document ignored : mongo.getDatabase(database).getCollection("approvals")
                    .find(documents.pendingOutbox()).projection(Projections.include("_id"))) {
                pending++;
            }
            return pending;
        }, Duration.ofMillis(maxAgeMs));
    }

    @Bean
    RequestOutboxDeadLetters requestOutboxDeadLetters(MongoClient mongo,
                                                      @Value("${erp.approval-request.database}") String database,
                                                      ApprovalDocuments documents, Clock clock, OutboxRelayRoute relay) {
        return new RequestOutboxDeadLetters(mongo, database, documents, clock, relay::lookSoon);
    }

    /** A bean: the gauge holds it weakly. */
    @Bean
    OutboxBacklog approvalRequestOutboxDeadLettersGauge(MeterRegistry meters, RequestOutboxDeadLetters dead) {
        return OutboxBacklog.registerDeadLetters(meters, "approval-request", dead::count, Duration.ofSeconds(5));
    }

    @Bean
    ApprovalReports approvalReports(Clock clock, @Value("${erp.calendar-zone}") ZoneId zone) {
        return new ApprovalReports(clock, zone);
    }

    @Bean
    DelegationReplica delegationReplica(Clock clock, @Value("${erp.calendar-zone}") ZoneId zone) {
        return new DelegationReplica(clock, zone);
    }

    @Bean
    MongoCollections mongoCollections(MongoClient mongo, @Value("${erp.approval-request.database}") String database) {
        return new MongoCollections(mongo, database);
    }

    /** Replaces Spring Boot's indicator of the same name, which uses a command mongo-java-server lacks. */
    @Bean("mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoClient mongo,
                                                  @Value("${erp.approval-request.database}") String database) {
        return new MongoPingHealthIndicator(mongo, database);
    }
}
