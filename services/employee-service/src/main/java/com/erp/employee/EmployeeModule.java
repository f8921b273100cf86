package com.erp.employee;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import com.erp.employee.api.AttendanceViews;
import com.erp.employee.api.EmployeeViews;
import com.erp.employee.api.LeaveViews;
import com.erp.employee.api.QuestViews;
import com.erp.routes.common.CurrentTrace;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.kafka.OutboxBacklog;
import com.erp.employee.api.ReportingLinesPublisher;
import com.erp.employee.auth.JdbcSprayRecord;
import com.erp.employee.auth.LoginService;
import com.erp.employee.auth.Logout;
import com.erp.employee.auth.LoginThrottle;
import com.erp.employee.auth.PasswordCheckGate;
import com.erp.employee.auth.PasswordSprayGuard;
import com.erp.employee.persistence.AttendanceBook;
import com.erp.employee.persistence.DemoOrganisation;
import com.erp.employee.persistence.LeaveLedger;
import com.erp.employee.persistence.OutboxDeadLetters;
import com.erp.employee.persistence.DelegationDesk;
import com.erp.employee.persistence.Personnel;
import com.erp.routes.common.security.RevokedSubjects;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import com.erp.employee.persistence.QuestBoard;
import com.erp.employee.persistence.SavedLineStore;
import com.erp.routes.common.security.AuthProperties;
import com.erp.routes.common.security.JwtKeys;
import com.erp.routes.common.security.TokenIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import com.erp.routes.common.web.ServiceContract;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * employee-service as a module: its routes ({@code com.erp.routes.employee}), entities and beans. The
 * service's own application and standalone both import it, so the same routes run either way.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"com.erp.employee", "com.erp.routes.employee"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@EntityScan(basePackageClasses = com.erp.employee.domain.Employee.class)
public class EmployeeModule {

    @Bean
    ServiceContract employeeContract() {
        return new ServiceContract("employee", "openapi/employee-api.yaml", "com.erp.employee.api");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    ReportingLinesPublisher reportingLinesPublisher(Clock clock,
            @Value("${erp.employee.reporting-lines.republish-every}") Duration republishEvery) {
        return new ReportingLinesPublisher(clock, republishEvery);
    }

    @Bean
    EmployeeViews employeeViews() {
        return new EmployeeViews();
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock, @Value("${erp.auth.login.max-failures}") int maxFailures,
                                @Value("${erp.auth.login.lock}") Duration lock) {
        return new LoginThrottle(maxFailures, lock, Duration.ofMinutes(15), clock);
    }

    /**
     * Counted in the database, so every instance counts together and a restart forgets nothing; the hashes keyed by a
     * secret derived from the signing key, which every instance shares.
     */
    @Bean
    PasswordSprayGuard passwordSprayGuard(Clock clock, @Value("${erp.auth.login.spray.accounts}") int accounts,
                                          @Value("${erp.auth.login.spray.window}") Duration window,
                                          @Value("${erp.auth.login.spray.pause}") Duration pause,
                                          JdbcTemplate jdbc, JwtKeys keys) {
        return new PasswordSprayGuard(accounts, window, pause, clock, new JdbcSprayRecord(jdbc),
                keys.derivedSecret("erp.auth.login.spray"));
    }

    @Bean
    PasswordCheckGate passwordCheckGate(@Value("${erp.auth.login.checks-at-once:0}") int atOnce,
                                        @Value("${erp.auth.login.checks-waiting}") int waiting,
                                        @Value("${erp.auth.login.check-wait}") Duration wait) {
        int turns = atOnce > 0 ? atOnce : Runtime.getRuntime().availableProcessors();
        return new PasswordCheckGate(turns, waiting > 0 ? waiting : 4 * turns, wait);
    }

    @Bean
    LoginService loginService(PasswordEncoder passwords, TokenIssuer tokens, EmployeeViews views,
                              AuthProperties auth, LoginThrottle throttle, PasswordSprayGuard spray,
                              PasswordCheckGate gate) {
        return new LoginService(passwords, tokens, views, auth.cookieName(), auth.cookieSecure(), throttle, spray, gate);
    }

    @Bean
    Logout logout(JwtDecoder tokens, Personnel personnel, AuthProperties auth) {
        return new Logout(tokens, personnel, auth.cookieName());
    }

    @Bean
    OutboxDeadLetters outboxDeadLetters(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, ObjectMapper json) {
        return new OutboxDeadLetters(jdbc, tx, clock, json);
    }

    /** A bean: the gauge holds it weakly. */
    @Bean
    OutboxBacklog employeeOutboxDeadLettersGauge(MeterRegistry meters, OutboxDeadLetters deadLetters) {
        return OutboxBacklog.registerDeadLetters(meters, "employee", deadLetters::count, Duration.ofSeconds(5));
    }

    @Bean
    LeaveLedger leaveLedger(EntityManager entityManager, TransactionTemplate tx, Clock clock,
                            @Value("${erp.leave.annual-days}") int annualDays, CompanyDays days,
                            @Value("${erp.leave.settle-wait}") java.time.Duration settleWait) {
        return new LeaveLedger(entityManager, tx, clock, annualDays, days, settleWait);
    }

    @Bean
    QuestBoard questBoard(EntityManager entityManager, TransactionTemplate tx, Clock clock,
                          @Value("${erp.leave.zone}") ZoneId zone, LeaveLedger ledger, ObjectMapper json,
                          @Value("${erp.quests.max-reward-days-per-year}") double rewardLimitDays,
                          CurrentTrace trace) {
        return new QuestBoard(entityManager, tx, clock, zone, ledger, json, (int) Math.round(rewardLimitDays * 2),
                trace);
    }

    @Bean
    DelegationDesk delegationDesk(EntityManager entityManager, TransactionTemplate tx, Clock clock,
                                  @Value("${erp.leave.zone}") ZoneId zone, ObjectMapper json,
                                  CurrentTrace trace) {
        return new DelegationDesk(entityManager, tx, clock, zone, json, trace);
    }

    @Bean
    Personnel personnel(EntityManager entityManager, TransactionTemplate tx, Clock clock,
                        @Value("${erp.leave.zone}") ZoneId zone, PasswordEncoder passwords,
                        DelegationDesk delegations, EmployeeViews views, LoginThrottle throttle,
                        PasswordSprayGuard spray, ObjectMapper json, RevokedSubjects revoked, QuestBoard quests,
                        LeaveLedger ledger, CurrentTrace trace) {
        return new Personnel(entityManager, tx, clock, zone, passwords, delegations, views, throttle, spray, json, revoked,
                quests, ledger, trace);
    }

    @Bean
    SavedLineStore savedLines(EntityManager entityManager, TransactionTemplate tx, Clock clock) {
        return new SavedLineStore(entityManager, tx, clock);
    }

    @Bean
    AttendanceBook attendanceBook(EntityManager entityManager, TransactionTemplate tx, Clock clock,
                                  @Value("${erp.leave.zone}") ZoneId zone, LeaveLedger ledger, CompanyDays days,
                                  @Value("${erp.attendance.days-per-leave-day}") int daysPerLeaveDay) {
        return new AttendanceBook(entityManager, tx, clock, zone, ledger, days, daysPerLeaveDay);
    }

    @Bean
    AttendanceViews attendanceViews(Clock clock, @Value("${erp.leave.zone}") ZoneId zone) {
        return new AttendanceViews(clock, zone);
    }

    @Bean
    QuestViews questViews() {
        return new QuestViews();
    }

    @Bean
    LeaveViews leaveViews(Clock clock, @Value("${erp.leave.zone}") ZoneId zone, LeaveLedger ledger) {
        return new LeaveViews(clock, zone, ledger);
    }

    @Bean
    @ConditionalOnProperty(value = "erp.demo.enabled", havingValue = "true")
    DemoOrganisation demoOrganisation(EntityManager entityManager, TransactionTemplate tx, PasswordEncoder passwords,
                                      @Value("${erp.demo.password:}") String password,
                                      @Value("${erp.demo.password-file:}") String passwordFile, Clock clock,
                                      @Value("${erp.leave.zone}") ZoneId zone) {
        return new DemoOrganisation(entityManager, tx, passwords, password, passwordFile,
                java.time.LocalDate.now(clock.withZone(zone)));
    }
}
