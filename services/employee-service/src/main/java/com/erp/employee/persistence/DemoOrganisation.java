package com.erp.employee.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.erp.employee.domain.Department;
import com.erp.employee.domain.Employee;
import com.erp.employee.domain.Position;
import com.erp.employee.domain.Role;
import com.erp.employee.domain.Team;
import com.erp.routes.common.security.SecretFiles;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo organisation of the quick start ({@code erp.demo.enabled=true}): two departments, each with a
 * team of a staff member and a team lead, and a department head; plus an administrator. Created once, into
 * an empty database. They share one password: {@code erp.demo.password} if given, else one made up on the
 * first start and kept in {@code erp.demo.password-file}, so no password is ever in the repository.
 */
public class DemoOrganisation implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisation.class);

    public record Person(String username, String name, Position position, String department) {
    }

    private final EntityManager entityManager;
    private final TransactionTemplate tx;
    private final PasswordEncoder passwords;
    private final String configuredPassword;
    private final String passwordFile;
    private final LocalDate today;

    /** @param today the day the organisation is made: its people were hired some years before it */
    public DemoOrganisation(EntityManager entityManager, TransactionTemplate tx, PasswordEncoder passwords,
                            String configuredPassword, String passwordFile, LocalDate today) {
        this.today = today;
        this.entityManager = entityManager;
        this.tx = tx;
        this.passwords = passwords;
        this.configuredPassword = configuredPassword;
        this.passwordFile = passwordFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = password();
        Boolean created = tx.execute(status -> {
            Long count = entityManager.createQuery("select count(e) from Employee e", Long.class).getSingleResult();
            if (count > 0) {
                return false;
            }
            seed(passwords.encode(password));
            return true;
        });
        LOG.info("\n{}", banner(Boolean.TRUE.equals(created), password));
    }

    /** What the start logs: the demo people, and their password unless it was configured. */
    String banner(boolean created, String password) {
        StringBuilder table = new StringBuilder();
        table.append(created ? "created the demo organisation" : "demo organisation")
                // one made up here (and kept in its file) is shown, as the quick start needs; one given from a secret
                // is not written to a log others may read
                .append(" (every password: ").append(configured() ? "the configured one" : password).append(")\n");
        table.append(String.format("  %-12s %-8s %-10s %s%n", "username", "name", "position", "department"));
        for (Person p : people()) {
            table.append(String.format("  %-12s %-8s %-10s %s%n", p.username(), p.name(), p.position(), p.department()));
        }
        return table.toString();
    }

    /** One demo department: a team of a staff member and a team lead, and a department head. */
    record DemoDepartment(String code, String name, String team, String prefix, String staff, String lead,
                          String head) {
    }

    static final List<DemoDepartment> DEPARTMENTS = List.of(
            new DemoDepartment("DEV", "개발본부", "플랫폼팀", "dev", "김민준", "이서연", "박지훈"),
            new DemoDepartment("SALES", "영업본부", "영업1팀", "sales", "최유진", "정하늘", "강도윤"));
    static final DemoDepartment ADMIN_DEPARTMENT = new DemoDepartment("OPS", "경영지원본부", null, "admin", null, null, null);
    static final String ADMIN_NAME = "관리자";

    /** Who the demo organisation has, for the startup table. */
    public static List<Person> people() {
        List<Person> people = new java.util.ArrayList<>();
        for (DemoDepartment d : DEPARTMENTS) {
            people.add(new Person(d.prefix() + ".staff", d.staff(), Position.STAFF, d.name()));
            people.add(new Person(d.prefix() + ".lead", d.lead(), Position.TEAM_LEAD, d.name()));
            people.add(new Person(d.prefix() + ".head", d.head(), Position.DEPT_HEAD, d.name()));
        }
        people.add(new Person("admin", ADMIN_NAME, Position.STAFF, ADMIN_DEPARTMENT.name()));
        return people;
    }

    private void seed(String hash) {
        for (DemoDepartment d : DEPARTMENTS) {
            Department dept = new Department(d.code(), d.name());
            entityManager.persist(dept);
            Team team = new Team(dept, d.team());
            entityManager.persist(team);
            // hired some while ago, so that their leave shows the law's scale: staff 15 days this year and next (hired
            // last year), the team lead 17 this year (six years of service), the head 20 (eleven)
            entityManager.persist(employee(hash, d.prefix() + ".staff", d.staff(), dept, team, Position.STAFF,
                    EnumSet.of(Role.EMPLOYEE), hiredYearsAgo(1)));
            Employee lead = employee(hash, d.prefix() + ".lead", d.lead(), dept, team, Position.TEAM_LEAD,
                    EnumSet.of(Role.EMPLOYEE, Role.MANAGER), hiredYearsAgo(6));
            entityManager.persist(lead);
            Employee head = employee(hash, d.prefix() + ".head", d.head(), dept, null, Position.DEPT_HEAD,
                    EnumSet.of(Role.EMPLOYEE, Role.MANAGER), hiredYearsAgo(11));
            entityManager.persist(head);
            team.setLead(lead);
            dept.setHead(head);
        }
        Department ops = new Department(ADMIN_DEPARTMENT.code(), ADMIN_DEPARTMENT.name());
        entityManager.persist(ops);
        entityManager.persist(employee(hash, "admin", ADMIN_NAME, ops, null, Position.STAFF,
                EnumSet.of(Role.EMPLOYEE, Role.ADMIN), hiredYearsAgo(4)));
    }

    /** The first Monday of March, {@code years} years before this one (the company hires on it). */
    private LocalDate hiredYearsAgo(int years) {
        return LocalDate.of(today.getYear() - years, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    private static Employee employee(String hash, String username, String name, Department dept, Team team,
                                     Position position, Set<Role> roles, LocalDate hiredOn) {
        return new Employee(username, hash, name, username + "@erp.example", dept, team, position, roles, hiredOn);
    }

    private boolean configured() {
        return configuredPassword != null && !configuredPassword.isBlank();
    }

    private String password() {
        if (configured()) {
            return configuredPassword;
        }
        if (passwordFile == null || passwordFile.isBlank()) {
            return generate();
        }
        Path file = Path.of(passwordFile);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String generated = generate();
            SecretFiles.create(file, generated + "\n");
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String generate() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
