package com.erp.employee.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;

/**
 * Someone who works here and may log in. The named queries fetch exactly the parts of the org chart each
 * use needs, so nothing is loaded lazily after the query's transaction has ended.
 */
@Entity
@NamedQuery(name = Employee.BY_USERNAME, query = "select e from Employee e join fetch e.department "
        + "left join fetch e.team where e.username = :username")
@NamedQuery(name = Employee.WITH_ORG, query = "select e from Employee e join fetch e.department d "
        + "left join fetch d.head h left join fetch h.department left join fetch e.team t "
        + "left join fetch t.lead l left join fetch l.department where e.id = :id")
@NamedQuery(name = Employee.ACTIVE, query = "select e from Employee e join fetch e.department d "
        + "left join fetch e.team where e.active = true and (:departmentId is null or d.id = :departmentId) "
        + "order by d.code, " + Employee.BY_RANK + ", e.name")
@NamedQuery(name = Employee.REPORTING_LINES, query = "select e from Employee e join fetch e.department d "
        + "left join fetch d.head h left join fetch h.department left join fetch e.team t "
        + "left join fetch t.lead l left join fetch l.department where e.active = true")
@NamedQuery(name = Employee.BY_IDS, query = "select e from Employee e join fetch e.department "
        + "left join fetch e.team where e.active = true and e.id in :ids")
public class Employee {

    /** By rank, highest first (the column holds the position's name, whose alphabetical order is no rank). */
    static final String BY_RANK = "case e.position when com.erp.employee.domain.Position.EXECUTIVE then 0 "
            + "when com.erp.employee.domain.Position.DEPT_HEAD then 1 when com.erp.employee.domain.Position.TEAM_LEAD "
            + "then 2 else 3 end";
    public static final String BY_IDS = "Employee.byIds";
    public static final String BY_USERNAME = "Employee.byUsername";
    public static final String WITH_ORG = "Employee.withOrg";
    public static final String ACTIVE = "Employee.active";
    public static final String REPORTING_LINES = "Employee.reportingLines";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    private String name;

    private String email;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "department_id")
    private Department department;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private Team team;

    @Enumerated(EnumType.STRING)
    private Position position;

    /** 입사일: annual leave is reckoned from it ({@link AnnualLeave}). */
    @Column(name = "hired_on")
    private LocalDate hiredOn;

    /** Comma-separated {@link Role} names. */
    private String roles;

    private boolean active = true;

    @Column(name = "departed_at")
    private Instant departedAt;

    @Column(name = "departure_reason")
    private String departureReason;

    /** Grows whenever the tokens issued so far are revoked; tokens carry the version they were issued at. */
    @Column(name = "token_version")
    private long tokenVersion;

    /** Grows with every token revocation record of theirs (a version raised, a token logged out of): orders them. */
    @Column(name = "revocation_revision")
    private long revocationRevision;

    @Version
    private long version;

    protected Employee() {
    }

    public Employee(String username, String passwordHash, String name, String email, Department department,
                    Team team, Position position, Set<Role> roles, LocalDate hiredOn) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.hiredOn = hiredOn;
        assign(name, email, department, team, position, roles);
    }

    public LocalDate getHiredOn() {
        return hiredOn;
    }

    /** The hire date corrected (an administrator's 인사 정보 수정). */
    public void rehireDate(LocalDate hiredOn) {
        this.hiredOn = hiredOn;
    }

    private static String joined(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public Department getDepartment() {
        return department;
    }

    public Team getTeam() {
        return team;
    }

    /** Whether {@code id} leads this employee's team (a lead is of their own team too). */
    public boolean teamLedBy(long id) {
        return team != null && team.getLead() != null && team.getLead().getId() == id;
    }

    /** Whether {@code id} heads this employee's department. */
    public boolean departmentHeadedBy(long id) {
        return department != null && department.getHead() != null && department.getHead().getId() == id;
    }

    public Position getPosition() {
        return position;
    }

    public Set<Role> getRoles() {
        if (roles == null || roles.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(",")).map(String::trim).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public boolean isActive() {
        return active;
    }

    /**
     * Whether they review the quests they posted: while employed and a manager. Else an administrator reviews them in
     * their place (a reported quest would otherwise wait for good, its work never paid).
     */
    public boolean reviewsQuests() {
        return active && getRoles().contains(Role.MANAGER);
    }

    /** When they left (퇴사), or null while employed. */
    public Instant getDepartedAt() {
        return departedAt;
    }

    /** They leave: they can no longer sign in, be named on a document or be found among the active employees. */
    public void depart(Instant at, String reason) {
        this.active = false;
        this.departedAt = at;
        this.departureReason = reason;
    }

    /** No team any more (theirs was closed while they were away): they are of their department directly. */
    public void leaveTeam() {
        this.team = null;
    }

    /** Back (복직): active again, with a new password; the departure is no longer on the record. */
    public void reinstate(String passwordHash) {
        this.active = true;
        this.departedAt = null;
        this.departureReason = null;
        this.passwordHash = passwordHash;
    }

    public long getTokenVersion() {
        return tokenVersion;
    }

    /** Every token issued so far is to be refused: the next version, which new tokens carry. */
    public long revokeTokens() {
        nextRevocationRevision();
        return ++tokenVersion;
    }

    /** The revision of their next token revocation record (never below the token version, where it started). */
    public long nextRevocationRevision() {
        revocationRevision = Math.max(revocationRevision, tokenVersion) + 1;
        return revocationRevision;
    }

    public long getRevocationRevision() {
        return revocationRevision;
    }

    public String getDepartureReason() {
        return departureReason;
    }

    /** 인사 이동: their record as an administrator changed it. */
    public void change(String name, String email, Department department, Team team, Position position, Set<Role> roles) {
        assign(name, email, department, team, position, roles);
    }

    private void assign(String name, String email, Department department, Team team, Position position, Set<Role> roles) {
        this.name = name;
        this.email = email;
        this.department = department;
        this.team = team;
        this.position = position;
        this.roles = joined(roles);
    }

    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
