package com.erp.employee.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.erp.employee.api.DelegationRequest;
import com.erp.employee.api.Delegations;
import com.erp.employee.api.EmployeeViews;
import com.erp.employee.domain.Delegation;
import com.erp.employee.domain.DelegationRules;
import com.erp.employee.domain.Employee;
import com.erp.employee.domain.OutboxMessage;
import com.erp.routes.common.CurrentTrace;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delegations (대결; bean {@code delegationDesk}): an approver names who decides for them while they are away, changes
 * it or ends it. Each change is one transaction that also writes the approver's delegation as it now is (a
 * {@link DelegationEvent}) to the outbox, which the relay publishes: approval-processing and approval-request learn
 * it from there. The approver's and the deputy's rows are locked, lower id first, so two changes that together would
 * make a chain (A to B while B to C) are checked one after the other.
 */
public class DelegationDesk {

    private final EntityManager em;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json;

    private final CurrentTrace trace;

    /** @param trace the trace its outbox rows keep (the request's that wrote them) */
    public DelegationDesk(EntityManager em, TransactionTemplate tx, Clock clock, ZoneId zone, ObjectMapper json,
                          CurrentTrace trace) {
        this.em = em;
        this.trace = trace;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
        this.json = json;
    }

    /** The caller hands their decisions to a deputy for some days (replacing any delegation they had). */
    public Delegations set(DelegationRequest request, Caller caller) {
        LocalDate start = LocalDate.parse(request.startDate());
        LocalDate end = LocalDate.parse(request.endDate());
        LocalDate today = today();
        long approverId = caller.id();
        long deputyId = request.deputyId();
        tx.executeWithoutResult(status -> {
            em.find(Employee.class, Math.min(approverId, deputyId), LockModeType.PESSIMISTIC_WRITE);
            em.find(Employee.class, Math.max(approverId, deputyId), LockModeType.PESSIMISTIC_WRITE);
            Employee approver = em.find(Employee.class, approverId);
            Employee deputy = em.find(Employee.class, deputyId);
            if (approver == null || !approver.isActive()) {
                throw ProblemException.forbidden("Your account is not an active employee's.");
            }
            if (deputy == null || !deputy.isActive()) {
                throw ProblemException.unprocessable("No active employee [" + deputyId + "] can be your deputy.");
            }
            // deciding for someone who left (인수) is no reason not to be away: their documents wait for the return
            List<Delegation> actingForActive = actingFor(approverId, today).stream()
                    .filter(d -> !departed(d.getApproverId())).toList();
            DelegationRules.violation(approverId, deputyId, start, end, today,
                    Optional.ofNullable(em.find(Delegation.class, deputyId)), actingForActive,
                    this::name).ifPresent(why -> {
                        throw ProblemException.unprocessable(why);
                    });
            String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
            Delegation delegation = em.find(Delegation.class, approverId);
            if (delegation == null) {
                em.persist(new Delegation(approverId, deputyId, start, end, reason, now()));
            } else {
                delegation.change(deputyId, start, end, reason, now());
            }
            publish(new DelegationEvent(UUID.randomUUID().toString(), DelegationEvent.VERSION, now(),
                    EmployeeViews.person(approver), EmployeeViews.person(deputy), start.toString(), end.toString(), reason,
                    nextRevision(approverId)));
        });
        return view(caller);
    }

    /** The caller ends their delegation: from now on only they decide their steps again. */
    public void end(Caller caller) {
        tx.executeWithoutResult(status -> {
            Delegation delegation = em.find(Delegation.class, caller.id(), LockModeType.PESSIMISTIC_WRITE);
            if (delegation == null) {
                throw ProblemException.notFound("You have no delegation to end.");
            }
            end(delegation);
        });
    }

    /**
     * Someone leaves (퇴사): their delegation, and every one naming them deputy (over or not), ends, each told like
     * any ending. Joins the caller's transaction. How many ended.
     */
    public int endInvolving(long employeeId) {
        return tx.execute(status -> {
            List<Delegation> ending = new java.util.ArrayList<>(em.createQuery(
                    "select d from Delegation d where d.deputyId = :id or d.approverId = :id order by d.approverId",
                    Delegation.class).setParameter("id", employeeId).getResultList());
            ending.forEach(this::end);
            return ending.size();
        });
    }

    private void end(Delegation delegation) {
        long approverId = delegation.getApproverId();
        em.remove(delegation);
        publish(new DelegationEvent(UUID.randomUUID().toString(), DelegationEvent.VERSION, now(),
                EmployeeViews.person(em.find(Employee.class, approverId)), null, null, null, null,
                nextRevision(approverId)));
    }

    /**
     * 인수: the decisions still asked of {@code departed}, who left, go to {@code successor} from today on with no end,
     * replacing any successor before, told like any delegation. Joins the caller's transaction, which has locked both
     * rows. The day it starts.
     */
    public LocalDate succeed(Employee departed, Employee successor) {
        String reason = "퇴사 인수: " + departed.getName();
        LocalDate today = today();
        Delegation delegation = em.find(Delegation.class, departed.getId());
        if (delegation == null) {
            em.persist(new Delegation(departed.getId(), successor.getId(), today, Delegation.OPEN_END, reason, now()));
        } else {
            delegation.change(successor.getId(), today, Delegation.OPEN_END, reason, now());
        }
        publish(new DelegationEvent(UUID.randomUUID().toString(), DelegationEvent.VERSION, now(),
                EmployeeViews.person(departed), EmployeeViews.person(successor), today.toString(),
                Delegation.OPEN_END.toString(), reason, nextRevision(departed.getId())));
        return today;
    }

    /** What others who left had handed on to someone ({@code earlier}, their ids) goes to {@code successor}. */
    public void passOn(List<Long> earlier, Employee successor) {
        earlier.forEach(id -> succeed(em.find(Employee.class, id), successor));
    }

    /**
     * Those who left whose decisions {@code successorId} took over (인수), or would take over once named: when a
     * successor leaves without one, what they held waits for theirs ({@link #holdForSuccessor}).
     */
    public List<Long> succeededBy(long successorId) {
        return em.createQuery("select d.approverId from Delegation d, Employee e where d.deputyId = :id "
                        + "and e.id = d.approverId and e.active = false order by d.approverId", Long.class)
                .setParameter("id", successorId).getResultList();
    }

    /** {@code approverId}'s own delegation (a successor's, when they come back), if any, ends, told like any ending. */
    public void endOwn(long approverId) {
        Delegation own = em.find(Delegation.class, approverId);
        if (own != null) {
            end(own);
        }
    }

    /**
     * {@code departed}'s successor left with nobody named: the succession ended (told, so nobody decides for them now)
     * but is kept as {@code leaver}'s, unpublished, for {@code leaver}'s successor to take over once named. Joins the
     * caller's transaction.
     */
    public void holdForSuccessor(Employee departed, Employee leaver) {
        em.persist(new Delegation(departed.getId(), leaver.getId(), today(), Delegation.OPEN_END,
                "퇴사 인수 대기: " + departed.getName(), now()));
    }

    private boolean departed(long employeeId) {
        Employee e = em.find(Employee.class, employeeId);
        return e != null && !e.isActive();
    }

    /** The caller's delegation and those that make them a deputy. */
    public Delegations view(Caller caller) {
        LocalDate today = today();
        // one transaction, so the people's departments load as they are shown
        return tx.execute(status -> {
            Delegation mine = em.find(Delegation.class, caller.id());
            // one that is over is no delegation any more (its row stays until the next change)
            boolean over = mine != null && mine.getEndDate().isBefore(today);
            return new Delegations(mine == null || over ? null : view(mine, today),
                    actingFor(caller.id(), today).stream().map(d -> view(d, today)).toList());
        });
    }

    private Delegations.Delegation view(Delegation d, LocalDate today) {
        return new Delegations.Delegation(EmployeeViews.person(em.find(Employee.class, d.getApproverId())),
                EmployeeViews.person(em.find(Employee.class, d.getDeputyId())), d.getStartDate().toString(),
                d.getEndDate().toString(), d.getReason(), d.overlaps(today, today));
    }

    private List<Delegation> actingFor(long deputyId, LocalDate today) {
        return em.createNamedQuery(Delegation.BY_DEPUTY, Delegation.class).setParameter("deputyId", deputyId)
                .setParameter("today", today).getResultList();
    }

    /** The approver's next delegation revision (their row is locked by the caller's transaction). */
    private long nextRevision(long approverId) {
        em.createNativeQuery("update employee set delegation_revision = delegation_revision + 1 where id = ?1")
                .setParameter(1, approverId).executeUpdate();
        return ((Number) em.createNativeQuery("select delegation_revision from employee where id = ?1")
                .setParameter(1, approverId).getSingleResult()).longValue();
    }

        private void publish(DelegationEvent event) {
        try {
            em.persist(new OutboxMessage(event.eventId(), OutboxMessage.Kind.DELEGATION,
                    String.valueOf(event.approver().id()), json.writeValueAsString(event), event.occurredAt(),
                    trace.traceparent()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String name(long employeeId) {
        Employee e = em.find(Employee.class, employeeId);
        return e == null ? "Employee [" + employeeId + "]" : e.getName();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
