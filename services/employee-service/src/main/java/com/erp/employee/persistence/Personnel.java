package com.erp.employee.persistence;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.erp.employee.api.Appointment;
import com.erp.employee.api.DepartedEmployee;
import com.erp.employee.api.Departure;
import com.erp.employee.api.DepartureRequest;
import com.erp.employee.api.EmployeeChange;
import com.erp.employee.api.EmployeeViews;
import com.erp.employee.api.HireRequest;
import com.erp.employee.api.Hired;
import com.erp.employee.api.NewDepartment;
import com.erp.employee.api.NewTeam;
import com.erp.employee.api.PasswordChangeRequest;
import com.erp.employee.api.Succession;
import com.erp.employee.api.SuccessorRequest;
import com.erp.employee.auth.LoginThrottle;
import com.erp.employee.auth.PasswordSprayGuard;
import com.erp.employee.domain.Department;
import com.erp.employee.domain.Employee;
import com.erp.employee.domain.OutboxMessage;
import com.erp.employee.domain.PersonnelRules;
import com.erp.employee.domain.Position;
import com.erp.employee.domain.Role;
import com.erp.employee.domain.Team;
import com.erp.routes.common.CurrentTrace;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.TokenRevocation;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.security.RevokedSubjects;
import com.erp.routes.common.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 인사 (bean {@code personnel}): an administrator hires someone (who gets a temporary password), changes someone's
 * record (인사 이동), names who heads a department or leads a team, or records that someone left (퇴사); everyone
 * changes their own password.
 *
 * <p>Who is an administrator is read from the database, the caller's row locked, not from the token: a token keeps
 * the roles it was issued with (a token that does not even claim the role is refused first, where work comes before
 * the transaction: hiring, bringing back, resetting a password). Rows are locked in one order (employees by id, then
 * departments and teams), so two
 * administrators acting on each other at once are served one after the other, and the second finds the first's
 * change (a departure, a lost role) in force. A change that makes someone's tokens untrue (a departure, other roles or
 * another department) revokes them: at once in this process, through Kafka in every other.
 */
public class Personnel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Personnel.class);

    private final EntityManager em;
    static final int MAX_DEPARTURES = 500;
    /** Tokens of one person logged out of, not expired, that their revocation record lists at most. */
    static final int MAX_SIGNED_OUT = 100;
    /** How long a token logged out of stays listed after it expired: longer than any validator's clock skew (60 s). */
    private static final java.time.Duration SIGNED_OUT_KEPT_PAST_EXPIRY = java.time.Duration.ofMinutes(5);

    private final TransactionTemplate tx;
    private final Clock clock;
    private final PasswordEncoder passwords;
    private final DelegationDesk delegations;
    private final EmployeeViews views;
    private final LoginThrottle throttle;
    private final PasswordSprayGuard spray;
    private final ObjectMapper json;
    private final RevokedSubjects revoked;
    private final QuestBoard quests;
    private final SecureRandom random = new SecureRandom();

    private final ZoneId zone;
    private final LeaveLedger ledger;

    private final CurrentTrace trace;

    /**
     * @param zone  the company's, in which a hire date is a day
     * @param trace the trace its outbox rows keep (the request's that wrote them)
     */
    public Personnel(EntityManager em, TransactionTemplate tx, Clock clock, ZoneId zone, PasswordEncoder passwords,
                     DelegationDesk delegations, EmployeeViews views, LoginThrottle throttle, PasswordSprayGuard spray,
                     ObjectMapper json, RevokedSubjects revoked, QuestBoard quests, LeaveLedger ledger, CurrentTrace trace) {
        this.em = em;
        this.trace = trace;
        this.zone = zone;
        this.ledger = ledger;
        // every read sees what is committed: a read after taking the rows' locks sees what their last holder wrote
        // (a successor named meanwhile), not the snapshot of the transaction's first read (REPEATABLE READ)
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.passwords = passwords;
        this.delegations = delegations;
        this.views = views;
        this.throttle = throttle;
        this.spray = spray;
        this.json = json;
        this.revoked = revoked;
        this.quests = quests;
    }

    /** An administrator hires someone; the answer holds their temporary password, which is kept nowhere else. */
    public Hired hire(Caller caller, HireRequest request) {
        claimsAdmin(caller, "hires employees");
        String username = request.username().toLowerCase(Locale.ROOT);
        String name = request.name().strip();
        if (name.isEmpty()) {
            throw ProblemException.unprocessable("The name must not be blank.");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String temporary = PersonnelRules.temporaryPassword(random);
        String hash = passwords.encode(temporary);
        String taken = "The username '" + username + "' is taken (also by someone who left).";
        Employee hired;
        try {
            hired = tx.execute(status -> {
                lockAdmin(caller, "hires employees");
                LocalDate hiredOn = PersonnelRules.hireDate(request.hiredOn(), today);
                Department department = department(request.departmentId());
                Team team = team(department, request.teamId());
                // the username's unique key decides between two hires at once (below); this check names it first
                if (!em.createNamedQuery(Employee.BY_USERNAME, Employee.class).setParameter("username", username)
                        .getResultList().isEmpty()) {
                    throw ProblemException.conflict(taken);
                }
                Employee e = new Employee(username, hash, name, blankToNull(request.email()), department, team,
                        Position.valueOf(request.position()), roles(request.roles()), hiredOn);
                em.persist(e);
                em.flush();
                return e;
            });
        } catch (PersistenceException | org.springframework.dao.DataIntegrityViolationException e) {
            // the username's unique key; anything else (a lock timeout, say) is not "taken"
            if (isUniqueKeyViolation(e)) {
                throw ProblemException.conflict(taken);
            }
            throw e;
        }
        LOG.info("{} hired {} ({}) into {}", caller.username(), username, hired.getId(), hired.getDepartment().getCode());
        return new Hired(views.employee(hired), temporary);
    }

    /**
     * An administrator changes someone's record: name, e-mail, department and team, position, roles (EMPLOYEE always).
     * Who heads a department or leads a team stays in it (409 until another is named); an administrator does not take
     * their own ADMIN role away nor change their own hire date (another does). Other roles or another department revoke the tokens they hold, which
     * say otherwise: they sign in again.
     */
    public com.erp.employee.api.Employee change(Caller caller, long employeeId, EmployeeChange request) {
        String name = request.name().strip();
        if (name.isEmpty()) {
            throw ProblemException.unprocessable("The name must not be blank.");
        }
        Set<Role> roles = roles(request.roles());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant now = now();
        List<TokenRevocation> revocations = new ArrayList<>();
        com.erp.employee.api.Employee changed = tx.execute(status -> {
            lockEmployees(caller.id(), employeeId);
            requireAdmin(caller, "changes someone's record"); // first: someone who may not is told so, not why not
            LocalDate hiredOn = request.hiredOn() == null ? null : PersonnelRules.hireDate(request.hiredOn(), today);
            if (employeeId == caller.id() && !roles.contains(Role.ADMIN)) {
                throw ProblemException.conflict("You cannot take your own ADMIN role away: another administrator does.");
            }
            Employee e = em.find(Employee.class, employeeId);
            if (e == null || !e.isActive()) {
                throw ProblemException.notFound("No employee [" + employeeId + "] works here.");
            }
            Department department = department(request.departmentId());
            Team team = team(department, request.teamId());
            for (Department d : headedBy(e)) {
                if (!d.getId().equals(department.getId())) {
                    throw ProblemException.conflict(e.getName() + " heads " + d.getName() + ": name another head of it"
                            + " first (PUT /api/departments/" + d.getId() + "/head).");
                }
            }
            for (Team t : ledBy(e)) {
                if (team == null || !t.getId().equals(team.getId())) {
                    throw ProblemException.conflict(e.getName() + " leads " + t.getName() + ": name another lead of it"
                            + " first (PUT /api/departments/" + t.getDepartment().getId() + "/teams/" + t.getId()
                            + "/lead).");
                }
            }
            boolean claimsChange = !e.getRoles().equals(roles) || !e.getDepartment().getId().equals(department.getId())
                    || e.getPosition() != Position.valueOf(request.position()) || !e.getName().equals(name);
            e.change(name, blankToNull(request.email()), department, team, Position.valueOf(request.position()), roles);
            if (hiredOn != null && !hiredOn.equals(e.getHiredOn())) {
                if (employeeId == caller.id()) {
                    // the hire date sets the statutory leave days: nobody grants themselves days (as the ledger's grant)
                    throw ProblemException.conflict("You cannot change your own hire date: it sets your leave days; "
                            + "another administrator does.");
                }
                // the years already opened take the difference; their leave is checked against the new date
                ledger.rehired(e.getId(), e.getHiredOn(), hiredOn, caller.id());
                e.rehireDate(hiredOn);
            }
            em.flush();
            if (claimsChange) {
                revocations.add(revoke(e, now, TokenRevocation.Reason.CHANGED));
            }
            return views.employee(e);
        });
        revocations.forEach(revoked::revoke);
        return changed;
    }

    /**
     * An administrator names who heads a department (an active employee of it), or nobody. The former head's and the
     * new one's tokens are revoked: a token says whether its holder heads their department (부서 문서함, its reports).
     */
    public com.erp.employee.api.Department nameHead(Caller caller, long departmentId, Appointment request) {
        Instant now = now();
        List<TokenRevocation> revocations = new ArrayList<>();
        com.erp.employee.api.Department named = tx.execute(status -> {
            lockEmployees(caller.id(), request.employeeId());
            requireAdmin(caller, "names a department's head");
            Department d = em.find(Department.class, departmentId, LockModeType.PESSIMISTIC_WRITE);
            if (d == null) {
                throw ProblemException.notFound("No department [" + departmentId + "].");
            }
            Employee head = appointee(request);
            if (head != null && !head.getDepartment().getId().equals(d.getId())) {
                throw ProblemException.unprocessable(head.getName() + " is not in " + d.getName() + ": move them first.");
            }
            Employee former = d.getHead();
            d.setHead(head);
            if (former != head && (former == null || head == null || !former.getId().equals(head.getId()))) {
                for (Employee e : java.util.stream.Stream.of(former, head).filter(java.util.Objects::nonNull).toList()) {
                    revocations.add(revoke(e, now, TokenRevocation.Reason.CHANGED));
                }
            }
            em.flush();
            return views.departments(List.of(d)).get(0);
        });
        revocations.forEach(revoked::revoke);
        return named;
    }

    /** An administrator opens a department: no head, no team yet; its code and its name each unique (409). */
    public com.erp.employee.api.Department openDepartment(Caller caller, NewDepartment request) {
        String name = request.name().strip();
        try {
            return tx.execute(status -> {
                requireAdmin(caller, "opens a department");
                List<Department> same = em.createQuery("select d from Department d where d.code = :code or d.name = :name",
                        Department.class).setParameter("code", request.code()).setParameter("name", name).getResultList();
                if (!same.isEmpty()) {
                    // a closed one's code and name stay its own: documents and people's records name it
                    throw ProblemException.conflict("A department with the code " + request.code() + " or the name "
                            + name + " exists already" + (same.stream().allMatch(Department::isClosed)
                            ? " (closed, 조직 폐지: its code and name are not used again)." : "."));
                }
                Department d = new Department(request.code(), name);
                em.persist(d);
                em.flush();
                return views.departments(List.of(d)).get(0);
            });
        } catch (PersistenceException | org.springframework.dao.DataIntegrityViolationException e) {
            // the code's or the name's unique key decided between two opened with it at the same moment
            if (isUniqueKeyViolation(e)) {
                throw ProblemException.conflict("A department with the code " + request.code() + " or the name "
                        + name + " exists already.");
            }
            throw e;
        }
    }

    /** An administrator opens a team in a department: no lead, nobody in it yet; its name unique there (409). */
    public com.erp.employee.api.Department openTeam(Caller caller, long departmentId, NewTeam request) {
        String name = request.name().strip();
        String taken = "The department has a team named " + name + " already.";
        try {
            return tx.execute(status -> {
                requireAdmin(caller, "opens a team");
                Department d = em.find(Department.class, departmentId, LockModeType.PESSIMISTIC_WRITE);
                if (d == null) {
                    throw ProblemException.notFound("No department [" + departmentId + "].");
                }
                if (d.isClosed()) {
                    throw ProblemException.unprocessable(d.getName() + " was closed (조직 폐지); it opens no team.");
                }
                if (d.getTeams().stream().anyMatch(t -> t.getName().equalsIgnoreCase(name))) {
                    throw ProblemException.conflict(d.getTeams().stream().anyMatch(t -> t.isClosed()
                            && t.getName().equalsIgnoreCase(name))
                            ? "The department had a team named " + name + ", closed (조직 폐지): its name is not used again."
                            : taken);
                }
                Team t = new Team(d, name);
                em.persist(t);
                d.getTeams().add(t);
                em.flush();
                return views.departments(List.of(d)).get(0);
            });
        } catch (PersistenceException | org.springframework.dao.DataIntegrityViolationException e) {
            // the team name's unique key, which the database compares as its collation does (e.g. ignoring case)
            if (isUniqueKeyViolation(e)) {
                throw ProblemException.conflict(taken);
            }
            throw e;
        }
    }

    /**
     * 조직 폐지: an administrator closes a team nobody active is in any more (409 naming who still is: move them first).
     * It leaves the org chart (the department's answer no longer lists it), nobody can be moved into it, and its name
     * stays taken in its department. The team's row is locked first: whoever is being moved into it at the same moment
     * (which reads it shared) is either seen here or refused there.
     */
    public com.erp.employee.api.Department closeTeam(Caller caller, long departmentId, long teamId) {
        return tx.execute(status -> {
            Team t = em.find(Team.class, teamId, LockModeType.PESSIMISTIC_WRITE);
            requireAdmin(caller, "closes a team");
            if (t == null || t.getDepartment().getId() != departmentId) {
                throw ProblemException.notFound("No team [" + teamId + "] in department [" + departmentId + "].");
            }
            if (t.isClosed()) {
                throw ProblemException.conflict(t.getName() + " was closed already.");
            }
            requireEmpty(t.getName(), "team", em.createQuery("select e.name from Employee e where e.team = :t "
                    + "and e.active = true order by e.name", String.class).setParameter("t", t).getResultList());
            t.close(now());
            em.flush();
            return views.departments(List.of(t.getDepartment())).get(0);
        });
    }

    /**
     * 조직 폐지: an administrator closes a department nobody active is in any more (409 naming who still is), and its
     * teams with it (empty too, then). It leaves the org chart, so no document can be sent to it (수신처) and nobody
     * moved into it; its code and name stay taken. Locked first, as a team is.
     */
    public void closeDepartment(Caller caller, long departmentId) {
        tx.executeWithoutResult(status -> {
            Department d = em.find(Department.class, departmentId, LockModeType.PESSIMISTIC_WRITE);
            requireAdmin(caller, "closes a department");
            if (d == null) {
                throw ProblemException.notFound("No department [" + departmentId + "].");
            }
            if (d.isClosed()) {
                throw ProblemException.conflict(d.getName() + " was closed already.");
            }
            requireEmpty(d.getName(), "department", em.createQuery("select e.name from Employee e where e.department = :d "
                    + "and e.active = true order by e.name", String.class).setParameter("d", d).getResultList());
            Instant now = now();
            d.getTeams().stream().filter(t -> !t.isClosed()).forEach(t -> t.close(now));
            d.close(now);
            em.flush();
        });
    }

    /** 409 naming the active members of the team or department {@code name} about to close, if it has any. */
    private static void requireEmpty(String name, String kind, List<String> members) {
        if (!members.isEmpty()) {
            throw ProblemException.conflict(name + " still has " + members.size() + " active "
                    + (members.size() == 1 ? "member" : "members") + " (" + String.join(", ", members)
                    + "): move them to another " + kind + " first.");
        }
    }

    /** An administrator names who leads a team (an active employee of it), or nobody. */
    public com.erp.employee.api.Department nameLead(Caller caller, long departmentId, long teamId, Appointment request) {
        return tx.execute(status -> {
            lockEmployees(caller.id(), request.employeeId());
            requireAdmin(caller, "names a team's lead");
            Team t = em.find(Team.class, teamId, LockModeType.PESSIMISTIC_WRITE);
            if (t == null || t.getDepartment().getId() != departmentId) {
                throw ProblemException.notFound("No team [" + teamId + "] in department [" + departmentId + "].");
            }
            Employee lead = appointee(request);
            if (lead != null && (lead.getTeam() == null || !lead.getTeam().getId().equals(t.getId()))) {
                throw ProblemException.unprocessable(lead.getName() + " is not in " + t.getName() + ": move them first.");
            }
            t.setLead(lead);
            em.flush();
            return views.departments(List.of(t.getDepartment())).get(0);
        });
    }

    /**
     * An administrator records that someone left: they can no longer sign in, be named on a document or found among
     * the active employees; the departments they headed and teams they led are left without (default lines skip that
     * level until someone is named), and their delegations and those naming them deputy end; the quest they had in hand
     * is open again and the quests they posted that nobody took are called off ({@link QuestBoard}). The tokens they hold are
     * revoked: here at once, in every other service once it reads the {@link TokenRevocation} (through the outbox).
     */
    public Departure depart(Caller caller, long employeeId, DepartureRequest request) {
        Instant now = now();
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        Long successorId = request == null ? null : request.successorId();
        List<TokenRevocation> revocations = new ArrayList<>();
        Departure departure = tx.execute(status -> {
            // everyone whose row this changes (the approvers of the delegations naming them deputy: their revision;
            // the successor), locked in id order with the caller and them
            Set<Long> rows = new TreeSet<>(List.of(caller.id(), employeeId));
            rows.addAll(em.createQuery("select d.approverId from Delegation d where d.deputyId = :id", Long.class)
                    .setParameter("id", employeeId).getResultList());
            if (successorId != null) {
                rows.add(successorId);
            }
            lockEmployees(rows.toArray(Long[]::new));
            requireAdmin(caller, "records that someone left"); // first: someone who may not is told so, not why not
            if (employeeId == caller.id()) {
                throw ProblemException.conflict("You cannot record your own departure: another administrator does.");
            }
            Employee e = em.find(Employee.class, employeeId);
            if (e == null) {
                throw ProblemException.notFound("No employee [" + employeeId + "].");
            }
            if (!e.isActive()) {
                throw ProblemException.conflict(e.getName() + " left already"
                        + (e.getDepartedAt() == null ? "." : ", on " + e.getDepartedAt() + "."));
            }
            Employee successor = successorId == null ? null : successor(successorId, e);
            // the decisions they took over from others who left pass on with their own
            List<Long> held = delegations.succeededBy(employeeId);
            e.depart(now, reason);
            List<Department> headed = headedBy(e);
            headed.forEach(d -> d.setHead(null));
            List<Team> led = ledBy(e);
            led.forEach(t -> t.setLead(null));
            int ended = delegations.endInvolving(employeeId);
            quests.settleDeparture(e, caller);
            if (successor != null) {
                delegations.passOn(held, successor);
                delegations.succeed(e, successor);
                ended -= held.size(); // passed on, not ended
            } else {
                // nobody decides for them now; their successor's successor, once named, takes them over too
                held.forEach(earlier -> delegations.holdForSuccessor(em.find(Employee.class, earlier), e));
            }
            revocations.add(revoke(e, now, TokenRevocation.Reason.DEPARTED));
            return new Departure(EmployeeViews.person(e), now, headed.stream().map(Department::getName).toList(),
                    led.stream().map(Team::getName).toList(), ended,
                    successor == null ? null : EmployeeViews.person(successor));
        });
        revocations.forEach(revoked::revoke);
        LOG.info("{} recorded that {} left", caller.username(), employeeId);
        return departure;
    }

    /**
     * An administrator names who takes over the decisions still asked of someone who left (인수자), replacing any named
     * before: from today they go to the successor as to a deputy with no end (a {@link DelegationEvent}).
     */
    public Succession nameSuccessor(Caller caller, long employeeId, SuccessorRequest request) {
        long successorId = request.successorId();
        Succession succession = tx.execute(status -> {
            Set<Long> rows = new TreeSet<>(List.of(caller.id(), employeeId, successorId));
            rows.addAll(delegations.succeededBy(employeeId)); // their revisions change too
            lockEmployees(rows.toArray(Long[]::new));
            requireAdmin(caller, "names who takes over the decisions of someone who left");
            Employee e = departed(employeeId, ": they decide for themselves (and name a deputy while they are away).");
            Employee successor = successor(successorId, e);
            // what they had taken over from others who left comes with their own decisions
            delegations.passOn(delegations.succeededBy(employeeId), successor);
            LocalDate since = delegations.succeed(e, successor);
            return new Succession(EmployeeViews.person(e), EmployeeViews.person(successor), since.toString());
        });
        LOG.info("{} named {} successor of {}", caller.username(), successorId, employeeId);
        return succession;
    }

    /**
     * 복직: an administrator brings back someone who left (a departure recorded by mistake, or a return): active again
     * with a temporary password (shown once: the old one is not theirs any more), tokens of a new version (a revocation
     * that supersedes the departure's, so every service takes their new tokens and still refuses the old ones), their
     * successor's part ended. The decisions they had taken over from others who left are theirs again if they left
     * without a successor (held for them); with one, those stay with that successor. Departments, teams and their own
     * deputy are named again as for anyone.
     */
    public Hired reinstate(Caller caller, long employeeId) {
        claimsAdmin(caller, "brings back someone who left");
        String temporary = PersonnelRules.temporaryPassword(random);
        String hash = passwords.encode(temporary);
        Instant now = now();
        List<TokenRevocation> revocations = new ArrayList<>();
        Hired back = tx.execute(status -> {
            Set<Long> rows = new TreeSet<>(List.of(caller.id(), employeeId));
            rows.addAll(delegations.succeededBy(employeeId)); // their revisions change too
            lockEmployees(rows.toArray(Long[]::new));
            requireAdmin(caller, "brings back someone who left");
            Employee e = departed(employeeId, ".");
            // where they were, if it is still open (read shared, as when someone is moved there): a department closed
            // since cannot take them back, a team closed since leaves them in its department without a team
            Department department = em.find(Department.class, e.getDepartment().getId(), LockModeType.PESSIMISTIC_READ);
            if (department.isClosed()) {
                throw ProblemException.conflict(department.getName() + " was closed (조직 폐지) after " + e.getName()
                        + " left; hire them again into an open department.");
            }
            Team team = e.getTeam() == null ? null : em.find(Team.class, e.getTeam().getId(), LockModeType.PESSIMISTIC_READ);
            if (team != null && team.isClosed()) {
                e.leaveTeam();
            }
            e.reinstate(hash);
            delegations.endOwn(employeeId);
            delegations.passOn(delegations.succeededBy(employeeId), e);
            revocations.add(revoke(e, now, TokenRevocation.Reason.CHANGED));
            return new Hired(views.employee(e), temporary); // in the transaction: their team loads with them
        });
        revocations.forEach(revoked::revoke);
        LOG.info("{} brought back {}", caller.username(), employeeId);
        return back;
    }

    /**
     * An administrator gives an active employee a new temporary password (a forgotten one, or one someone else may
     * know): shown once, kept nowhere else; every token of theirs is revoked, as when they change it themselves, and a
     * lock after failed sign-ins ends. Not one's own (one changes that oneself, knowing it), not someone who left
     * (brought back instead, which gives one too).
     */
    public Hired resetPassword(Caller caller, long employeeId) {
        claimsAdmin(caller, "resets passwords");
        String temporary = PersonnelRules.temporaryPassword(random);
        String hash = passwords.encode(temporary);
        Instant now = now();
        record Reset(Hired hired, String username, TokenRevocation revocation) {
        }
        Reset reset = tx.execute(status -> {
            lockEmployees(caller.id(), employeeId);
            requireAdmin(caller, "resets passwords");
            Employee e = em.find(Employee.class, employeeId);
            if (e == null) {
                throw ProblemException.notFound("No employee [" + employeeId + "].");
            }
            if (e.getId() == caller.id()) {
                throw ProblemException.unprocessable("Your own password you change yourself (PUT /api/auth/password).");
            }
            if (!e.isActive()) {
                throw ProblemException.conflict(e.getName() + " has left: bring them back (reinstatement), which gives "
                        + "them a temporary password.");
            }
            e.changePassword(hash);
            return new Reset(new Hired(views.employee(e), temporary), e.getUsername(),
                    revoke(e, now, TokenRevocation.Reason.CHANGED));
        });
        revoked.revoke(reset.revocation());
        throttle.succeeded(reset.username());
        LOG.info("{} reset the password of {}", caller.username(), employeeId);
        return reset.hired();
    }

    /** The last {@value #MAX_DEPARTURES} departures, newest first, each with its successor now (an administrator's view). */
    public List<DepartedEmployee> departures(Caller caller) {
        return tx.execute(status -> {
            requireAdmin(caller, "lists who left");
            List<Employee> gone = em.createQuery("select e from Employee e where e.active = false "
                    + "order by e.departedAt desc nulls last, e.id desc", Employee.class)
                    .setMaxResults(MAX_DEPARTURES).getResultList();
            Map<Long, Employee> successors = new HashMap<>();
            if (!gone.isEmpty()) {
                // one who left too only holds it for their own successor
                for (Object[] row : em.createQuery("select d.approverId, s from Delegation d, Employee s "
                                + "where s.id = d.deputyId and s.active = true and d.approverId in :ids", Object[].class)
                        .setParameter("ids", gone.stream().map(Employee::getId).toList()).getResultList()) {
                    successors.put((Long) row[0], (Employee) row[1]);
                }
            }
            return gone.stream().map(e -> new DepartedEmployee(EmployeeViews.person(e), e.getUsername(),
                    e.getDepartedAt(), e.getDepartureReason(),
                    successors.containsKey(e.getId()) ? EmployeeViews.person(successors.get(e.getId())) : null)).toList();
        });
    }

    /** Who may take over the decisions of {@code leaving}: an active employee other than them. */
    private Employee successor(long successorId, Employee leaving) {
        if (successorId == leaving.getId()) {
            throw ProblemException.unprocessable(leaving.getName() + " cannot take over their own decisions; name "
                    + "someone who stays.");
        }
        Employee successor = em.find(Employee.class, successorId);
        if (successor == null || !successor.isActive()) {
            throw ProblemException.unprocessable("No active employee [" + successorId + "] can take over "
                    + leaving.getName() + "'s decisions.");
        }
        return successor;
    }

    /** Someone who left (the caller's transaction has locked their row); 404, or 409 with {@code why} if they have not. */
    private Employee departed(long employeeId, String why) {
        Employee e = em.find(Employee.class, employeeId);
        if (e == null) {
            throw ProblemException.notFound("No employee [" + employeeId + "].");
        }
        if (e.isActive()) {
            throw ProblemException.conflict(e.getName() + " has not left" + why);
        }
        return e;
    }

    /**
     * The caller replaces their password, giving the current one (a wrong one counts as a failed sign-in). Every token
     * of theirs is revoked with it, this one too: whoever held one (or saw a temporary password) is signed out
     * everywhere, and the caller signs in again with the new password.
     */
    public void changePassword(Caller caller, PasswordChangeRequest request) {
        throttle.check(caller.username());
        revokeOwnTokens(caller, e -> {
            if (!passwords.matches(request.currentPassword(), e.getPasswordHash())) {
                throttle.failed(caller.username());
                throw ProblemException.unprocessable("currentPassword is not your current password.");
            }
            PersonnelRules.passwordViolation(e.getUsername(), request.currentPassword(), request.newPassword())
                    .ifPresent(why -> {
                        throw ProblemException.unprocessable(why);
                    });
            if (spray.isPaused(request.newPassword())) {
                throw ProblemException.unprocessable("newPassword was just tried on many accounts by someone guessing: "
                        + "choose another.");
            }
            e.changePassword(passwords.encode(request.newPassword()));
        });
        throttle.succeeded(caller.username());
    }

    /**
     * Revokes every token of the caller, this one too (a token that may have got out): applied here after the commit,
     * published to the others from the outbox, as a password change's revocation is.
     */
    public void signOutEverywhere(Caller caller) {
        revokeOwnTokens(caller, e -> { });
    }

    /**
     * Makes {@code change} to the caller's own row (locked; an active employee's, else 403) and revokes every token of
     * theirs in the same transaction, applied here after the commit.
     */
    private void revokeOwnTokens(Caller caller, java.util.function.Consumer<Employee> change) {
        TokenRevocation revocation = tx.execute(status -> {
            Employee e = em.find(Employee.class, caller.id(), LockModeType.PESSIMISTIC_WRITE);
            if (e == null || !e.isActive()) {
                throw ProblemException.forbidden("Your account is not an active employee's.");
            }
            change.accept(e);
            return revoke(e, now(), TokenRevocation.Reason.CHANGED);
        });
        revoked.revoke(revocation);
    }

    /** Locks employee rows in id order (nulls left out), the one order every change here takes them in. */
    private void lockEmployees(Long... ids) {
        new TreeSet<>(java.util.Arrays.stream(ids).filter(java.util.Objects::nonNull).toList())
                .forEach(id -> em.find(Employee.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private void lockAdmin(Caller caller, String what) {
        lockEmployees(caller.id());
        requireAdmin(caller, what);
    }

    /**
     * Refuses a caller whose token does not even claim the administrator's role, before the work that comes ahead of
     * the transaction (hashing a temporary password costs tens of milliseconds of CPU) and its locks;
     * {@link #requireAdmin} then checks the record, which a token may be behind.
     */
    private static void claimsAdmin(Caller caller, String what) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only an administrator " + what + ".");
        }
    }

    /** The caller, whose row is locked, is an active administrator now (whatever their token says). */

    private void requireAdmin(Caller caller, String what) {
        Employee me = em.find(Employee.class, caller.id());
        if (me == null || !me.isActive() || !me.getRoles().contains(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an administrator " + what + ".");
        }
    }

    /**
     * Logs out of one token ({@code tokenId}, issued to {@code employeeId} at {@code tokenVersion}, a valid one): it is
     * refused from then on, here at once, in every other service once it reads the person's record (through the
     * outbox), and their other tokens go on. The record lists every token of theirs logged out of that has not expired;
     * past {@value #MAX_SIGNED_OUT} of them, every token of theirs is revoked instead (as signing out everywhere is),
     * which keeps the record small. A token refused already, or logged out of before, changes nothing.
     */
    public void signOut(long employeeId, String tokenId, long tokenVersion, Instant expiresAt) {
        TokenRevocation revocation = tx.execute(status -> {
            Employee e = em.find(Employee.class, employeeId, LockModeType.PESSIMISTIC_WRITE);
            if (e == null || !e.isActive() || tokenVersion < e.getTokenVersion()) {
                return null;
            }
            Instant now = now();
            // the rows of tokens refused by now anyway (expired, or older than the version) are let go; expired ones
            // only past the clock skew that validators allow after a token's expiry
            em.createNativeQuery("delete from signed_out_token where employee_id = ?1 and (expires_epoch <= ?2 "
                            + "or token_version < ?3)")
                    .setParameter(1, employeeId).setParameter(2, now.minus(SIGNED_OUT_KEPT_PAST_EXPIRY).getEpochSecond())
                    .setParameter(3, e.getTokenVersion()).executeUpdate();
            int added = em.createNativeQuery("insert ignore into signed_out_token (token_id, employee_id, "
                            + "token_version, expires_epoch) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, tokenId).setParameter(2, employeeId).setParameter(3, tokenVersion)
                    .setParameter(4, expiresAt.getEpochSecond()).executeUpdate();
            if (added == 0) {
                return null;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select token_id, expires_epoch from signed_out_token "
                    + "where employee_id = ?1").setParameter(1, employeeId).getResultList();
            if (rows.size() > MAX_SIGNED_OUT) {
                return revoke(e, now, TokenRevocation.Reason.CHANGED);
            }
            Map<String, Instant> signedOut = new HashMap<>();
            rows.forEach(r -> signedOut.put((String) r[0], Instant.ofEpochSecond(((Number) r[1]).longValue())));
            return publish(e, new TokenRevocation(UUID.randomUUID().toString(), TokenRevocation.VERSION, now,
                    EmployeeViews.person(e), e.getTokenVersion(), TokenRevocation.Reason.SIGNED_OUT,
                    e.nextRevocationRevision(), signedOut), now);
        });
        if (revocation != null) {
            revoked.revoke(revocation);
        }
    }

    /**
     * The revocation of {@code e}'s tokens (their token version bumped), written to the outbox with the change; applied
     * here after the commit. A sign-in that read their row before the change issues a token of the old version. The
     * tokens logged out of one by one are all older now: their rows go.
     */
    private TokenRevocation revoke(Employee e, Instant now, TokenRevocation.Reason reason) {
        long tokenVersion = e.revokeTokens();
        em.createNativeQuery("delete from signed_out_token where employee_id = ?1").setParameter(1, e.getId())
                .executeUpdate();
        return publish(e, new TokenRevocation(UUID.randomUUID().toString(), TokenRevocation.VERSION, now,
                EmployeeViews.person(e), tokenVersion, reason, e.getRevocationRevision(), Map.of()), now);
    }

    private TokenRevocation publish(Employee e, TokenRevocation event, Instant now) {
        try {
            em.persist(new OutboxMessage(event.eventId(), OutboxMessage.Kind.REVOCATION, String.valueOf(e.getId()),
                    json.writeValueAsString(event), now, trace.traceparent()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return event;
    }

    private static boolean isUniqueKeyViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private Employee appointee(Appointment request) {
        if (request.employeeId() == null) {
            return null;
        }
        Employee e = em.find(Employee.class, request.employeeId()); // locked by the caller
        if (e == null || !e.isActive()) {
            throw ProblemException.unprocessable("No active employee [" + request.employeeId() + "].");
        }
        return e;
    }

    /** The department someone is placed in: open, and read shared, so that it cannot be closed meanwhile. */
    private Department department(long departmentId) {
        Department department = em.find(Department.class, departmentId, LockModeType.PESSIMISTIC_READ);
        if (department == null) {
            throw ProblemException.unprocessable("No department [" + departmentId + "].");
        }
        if (department.isClosed()) {
            throw ProblemException.unprocessable(department.getName() + " was closed (조직 폐지); nobody can join it.");
        }
        return department;
    }

    private Team team(Department department, Long teamId) {
        if (teamId == null) {
            return null;
        }
        Team team = em.find(Team.class, teamId, LockModeType.PESSIMISTIC_READ);
        if (team == null) {
            throw ProblemException.unprocessable("No team [" + teamId + "].");
        }
        if (team.isClosed()) {
            throw ProblemException.unprocessable(team.getName() + " was closed (조직 폐지); nobody can join it.");
        }
        PersonnelRules.teamViolation(department.getId(), department.getName(), team.getDepartment().getId(),
                team.getName()).ifPresent(why -> {
                    throw ProblemException.unprocessable(why);
                });
        return team;
    }

    /** The departments {@code e} heads, locked (after the employees: the order every change here takes). */
    private List<Department> headedBy(Employee e) {
        return em.createQuery("select d from Department d where d.head = :e order by d.id", Department.class)
                .setParameter("e", e).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The teams {@code e} leads, locked. */
    private List<Team> ledBy(Employee e) {
        return em.createQuery("select t from Team t where t.lead = :e order by t.id", Team.class).setParameter("e", e)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private static Set<Role> roles(List<String> named) {
        Set<Role> roles = EnumSet.of(Role.EMPLOYEE);
        if (named != null) {
            named.forEach(r -> roles.add(Role.valueOf(r)));
        }
        return roles;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
