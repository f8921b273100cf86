package com.erp.employee.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.erp.employee.api.EmployeeViews;
import com.erp.employee.api.SavedLineRequest;
import com.erp.employee.api.SavedLines;
import com.erp.employee.domain.Department;
import com.erp.employee.domain.Employee;
import com.erp.employee.domain.SavedApprovalLine;
import com.erp.employee.domain.SavedApprovalLine.Member;
import com.erp.employee.domain.SavedApprovalLine.Role;
import com.erp.employee.domain.SavedLineRules;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 자주 쓰는 결재선 (bean {@code savedLines}): each person's saved approval lines. Every lookup names the caller as the
 * owner, so another's line is not found (404). A change locks the owner's employee row, so that two at once cannot
 * both take the last free place or the same name.
 */
public class SavedLineStore {

    private static final String PATH = "/api/employees/me/approval-lines/";

    private final EntityManager em;
    private final TransactionTemplate tx;
    private final Clock clock;

    public SavedLineStore(EntityManager em, TransactionTemplate tx, Clock clock) {
        this.em = em;
        this.tx = tx;
        this.clock = clock;
    }

    /** The caller's lines, by name. */
    public SavedLines list(Caller caller) {
        return tx.execute(status -> {
            List<SavedApprovalLine> lines = em.createNamedQuery(SavedApprovalLine.BY_OWNER, SavedApprovalLine.class)
                    .setParameter("ownerId", caller.id()).getResultList();
            Map<Long, Employee> people = people(lines.stream().flatMap(l -> l.getMembers().stream())
                    .map(Member::getEmployeeId).toList());
            return new SavedLines(lines.stream().map(l -> view(l, people)).toList());
        });
    }

    /** A new line of the caller's. */
    public SavedLines.SavedLine create(SavedLineRequest request, Caller caller) {
        return tx.execute(status -> {
            lockOwner(caller);
            long kept = em.createQuery("select count(l) from SavedApprovalLine l where l.ownerId = :ownerId", Long.class)
                    .setParameter("ownerId", caller.id()).getSingleResult();
            SavedLineRules.roomViolation(kept).ifPresent(why -> {
                throw ProblemException.conflict(why);
            });
            SavedApprovalLine line = new SavedApprovalLine(caller.id());
            Map<Long, Employee> people = fill(line, request, caller);
            em.persist(line);
            em.flush();
            return view(line, people);
        });
    }

    /** The caller's line {@code lineId}, replaced by what the request holds. */
    public SavedLines.SavedLine save(long lineId, SavedLineRequest request, Caller caller) {
        return tx.execute(status -> {
            lockOwner(caller);
            SavedApprovalLine line = theirs(lineId, caller);
            Map<Long, Employee> people = fill(line, request, caller);
            em.flush();
            return view(line, people);
        });
    }

    public void delete(long lineId, Caller caller) {
        tx.executeWithoutResult(status -> em.remove(theirs(lineId, caller)));
    }

    public String location(SavedLines.SavedLine line) {
        return PATH + line.id();
    }

    private void lockOwner(Caller caller) {
        Employee owner = em.find(Employee.class, caller.id(), LockModeType.PESSIMISTIC_WRITE);
        if (owner == null || !owner.isActive()) {
            throw ProblemException.forbidden("Your account is not an active employee's.");
        }
    }

    private SavedApprovalLine theirs(long lineId, Caller caller) {
        SavedApprovalLine line = em.find(SavedApprovalLine.class, lineId);
        // another's line is as unknown as one that does not exist: its id says nothing
        if (line == null || line.getOwnerId() != caller.id()) {
            throw ProblemException.notFound("You have no saved approval line [" + lineId + "].");
        }
        return line;
    }

    /** Checks the request and puts it into the line; the people it names, by id. */
    private Map<Long, Employee> fill(SavedApprovalLine line, SavedLineRequest request, Caller caller) {
        String name = SavedLineRules.name(request.name());
        if (name == null) {
            throw ProblemException.unprocessable("Give the line a name (not only spaces).");
        }
        long sameName = em.createNamedQuery(SavedApprovalLine.COUNT_NAMED, Long.class).setParameter("ownerId", caller.id())
                .setParameter("name", name).setParameter("except", line.getId() == null ? 0L : line.getId())
                .getSingleResult();
        if (sameName > 0) {
            throw ProblemException.conflict("You have a line named '" + name + "' already; choose another name or change"
                    + " that line.");
        }
        List<Long> approverIds = orEmpty(request.approverIds());
        List<Long> agreerIds = request.agreement() == null ? List.of() : orEmpty(request.agreement().agreerIds());
        List<Long> ccIds = orEmpty(request.ccIds());
        List<Long> receiverIds = orEmpty(request.receiverIds());
        Set<Long> named = new LinkedHashSet<>();
        List.of(approverIds, agreerIds, ccIds, receiverIds).forEach(named::addAll);
        Map<Long, Employee> people = people(List.copyOf(named));
        List<Long> missing = named.stream().filter(id -> people.get(id) == null || !people.get(id).isActive()).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("No active employee " + missing + " can be on an approval line.");
        }
        Integer position = request.agreement() == null ? null : request.agreement().position();
        SavedLineRules.violation(caller.id(), persons(approverIds, people), persons(agreerIds, people), position,
                persons(ccIds, people), persons(receiverIds, people)).ifPresent(why -> {
                    throw ProblemException.unprocessable(why);
                });
        List<Member> members = new ArrayList<>();
        approverIds.forEach(id -> members.add(new Member(Role.APPROVER, id)));
        agreerIds.forEach(id -> members.add(new Member(Role.AGREER, id)));
        ccIds.forEach(id -> members.add(new Member(Role.CC, id)));
        receiverIds.forEach(id -> members.add(new Member(Role.RECEIVER, id)));
        List<Long> departmentIds = orEmpty(request.receiverDepartmentIds());
        List<Long> unknown = departmentIds.stream().filter(id -> {
            Department d = em.find(Department.class, id);
            return d == null || d.isClosed();
        }).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("No department " + unknown + " in the org chart to send documents to "
                    + "(receiverDepartmentIds).");
        }
        line.change(name, members, departmentIds, agreerIds.isEmpty() ? null : position,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return people;
    }

    private SavedLines.SavedLine view(SavedApprovalLine line, Map<Long, Employee> people) {
        List<Person> agreers = persons(line.ids(Role.AGREER), people);
        List<Person> unavailable = line.getMembers().stream().map(m -> people.get(m.getEmployeeId()))
                .filter(e -> e != null && !e.isActive()).map(EmployeeViews::person).distinct().toList();
        return new SavedLines.SavedLine(line.getId(), line.getName(), persons(line.ids(Role.APPROVER), people),
                agreers.isEmpty() ? null : new SavedLines.Agreement(agreers, line.getAgreementPosition()),
                persons(line.ids(Role.CC), people), persons(line.ids(Role.RECEIVER), people), unavailable,
                line.getSavedAt(), departments(line.getDepartmentIds()));
    }

    /** 수신처 as the line shows them, except those closed since (조직 폐지); null (left out) when none is left. */
    private List<com.erp.employee.api.Employee.DepartmentRef> departments(List<Long> ids) {
        List<com.erp.employee.api.Employee.DepartmentRef> open = ids.stream().map(id -> em.find(Department.class, id))
                .filter(d -> !d.isClosed())
                .map(d -> new com.erp.employee.api.Employee.DepartmentRef(d.getId(), d.getCode(), d.getName())).toList();
        return open.isEmpty() ? null : open;
    }

    private static List<Person> persons(List<Long> ids, Map<Long, Employee> people) {
        // a row's employee is kept by its foreign key, so every id is found
        return ids.stream().map(people::get).map(EmployeeViews::person).toList();
    }

    private Map<Long, Employee> people(List<Long> ids) {
        Map<Long, Employee> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select e from Employee e join fetch e.department where e.id in :ids", Employee.class)
                    .setParameter("ids", Set.copyOf(ids)).getResultList().forEach(e -> byId.put(e.getId(), e));
        }
        return byId;
    }

    private static List<Long> orEmpty(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }
}
