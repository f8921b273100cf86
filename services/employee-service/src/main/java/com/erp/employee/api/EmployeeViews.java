package com.erp.employee.api;

import java.util.Comparator;
import java.util.List;

import com.erp.employee.domain.ApprovalLinePolicy;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.web.ProblemException;

/**
 * Turns org-chart entities into the contract's shapes (bean {@code employeeViews}, called by the employee
 * routes with what camel-jpa found).
 */
public class EmployeeViews {

    public Employee employee(com.erp.employee.domain.Employee e) {
        if (e == null) {
            throw ProblemException.notFound("No such employee.");
        }
        return new Employee(e.getId(), e.getUsername(), e.getName(), e.getEmail(), e.getPosition().name(),
                e.getRoles().stream().map(Enum::name).sorted().toList(),
                new Employee.DepartmentRef(e.getDepartment().getId(), e.getDepartment().getCode(),
                        e.getDepartment().getName()),
                e.getTeam() == null ? null : new Employee.TeamRef(e.getTeam().getId(), e.getTeam().getName()),
                e.getHiredOn() == null ? null : e.getHiredOn().toString(), e.isActive() ? null : e.getDepartedAt());
    }

    /** The single employee a lookup by id returned, or 404. */
    public Employee first(List<com.erp.employee.domain.Employee> found) {
        return employee(found == null || found.isEmpty() ? null : found.get(0));
    }

    public List<Employee> employees(List<com.erp.employee.domain.Employee> found) {
        return found.stream().map(this::employee).toList();
    }

    /**
     * What {@code caller} sees of {@code found} (an employee or a list of them): who holds which roles (who
     * administers, who manages) only of themselves, unless they administer; the rest is the company's directory.
     */
    public Object shownTo(Object found, com.erp.routes.common.security.Caller caller) {
        if (caller.isAdmin()) {
            return found;
        }
        if (found instanceof List<?> list) {
            return list.stream().map(o -> shownTo(o, caller)).toList();
        }
        if (found instanceof Employee e && e.id() != caller.id()) {
            return e.withoutRoles();
        }
        return found;
    }

    /** The {@code ids} query parameter (comma-separated, already checked against the contract). */
    public List<Long> ids(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).map(Long::valueOf).toList();
    }

    /** The employees found, in the order their ids were asked for. */
    public List<Employee> employeesInOrder(List<com.erp.employee.domain.Employee> found, String csv) {
        java.util.Map<Long, com.erp.employee.domain.Employee> byId = new java.util.HashMap<>();
        found.forEach(e -> byId.put(e.getId(), e));
        return ids(csv).stream().distinct().map(byId::get).filter(java.util.Objects::nonNull).map(this::employee).toList();
    }

    public ApprovalLine approvalLine(List<com.erp.employee.domain.Employee> found) {
        if (found == null || found.isEmpty()) {
            throw ProblemException.notFound("No such employee.");
        }
        return new ApprovalLine(ApprovalLinePolicy.defaultLine(found.get(0)).stream().map(EmployeeViews::person).toList());
    }

    /** The org chart: the departments and teams still open (조직 폐지: a closed one is left out). */
    public List<Department> departments(List<com.erp.employee.domain.Department> found) {
        return found.stream().filter(d -> !d.isClosed()).map(d -> new Department(d.getId(), d.getCode(), d.getName(),
                person(d.getHead()), d.getTeams().stream()
                        .filter(t -> !t.isClosed())
                        .sorted(Comparator.comparing(com.erp.employee.domain.Team::getName))
                        .map(t -> new Department.Team(t.getId(), t.getName(), person(t.getLead())))
                        .toList()))
                .toList();
    }

    /**
     * The employee found, if the caller leads them: an administrator, their team lead, their department's head; else
     * {@code forbidden} (403). None found: 404 to an administrator, {@code forbidden} to anyone else, who may not know.
     */
    public static com.erp.employee.domain.Employee ledBy(com.erp.routes.common.security.Caller caller,
                                                         List<com.erp.employee.domain.Employee> found,
                                                         java.util.function.Supplier<ProblemException> forbidden) {
        if (found.isEmpty()) {
            throw caller.isAdmin() ? ProblemException.notFound("No such employee.") : forbidden.get();
        }
        com.erp.employee.domain.Employee e = found.get(0);
        if (!caller.isAdmin() && !e.teamLedBy(caller.id()) && !e.departmentHeadedBy(caller.id())) {
            throw forbidden.get();
        }
        return e;
    }

    public static Person person(com.erp.employee.domain.Employee e) {
        if (e == null) {
            return null;
        }
        return new Person(e.getId(), e.getName(), e.getPosition().name(),
                e.getDepartment() == null ? null : e.getDepartment().getName());
    }
}
