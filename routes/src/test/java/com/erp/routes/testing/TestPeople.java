package com.erp.routes.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.erp.routes.common.directory.EmployeeDirectory;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.security.TokenIssuer;

/** The people the service tests act as (the org chart of a service alone), and their tokens. */
public final class TestPeople {

    public static final Person DRAFTER = new Person(1001, "김민준", "STAFF", "개발본부");
    public static final Person LEAD = new Person(1002, "이서연", "TEAM_LEAD", "개발본부");
    public static final Person HEAD = new Person(1003, "박지훈", "DEPT_HEAD", "개발본부");
    public static final Person OTHER = new Person(1004, "최유진", "STAFF", "영업본부");
    /** Another team's lead in the drafter's department: not on the drafter's line. */
    public static final Person OTHER_LEAD = new Person(1005, "정다은", "TEAM_LEAD", "개발본부");

    /** The two departments (수신처): the drafter's, headed by HEAD, and OTHER's, headed by nobody here. */
    public static final ReceivingDepartment DEV = new ReceivingDepartment(1, "개발본부", HEAD);
    public static final ReceivingDepartment SALES = new ReceivingDepartment(2, "영업본부", null);

    private TestPeople() {
    }

    /**
     * The org chart of a service alone (employee-service is not part of it): these five people; the default line of
     * the drafter is LEAD, then HEAD. For {@code @TestBean(name = "employeeDirectory", methodName =
     * "com.erp.routes.testing.TestPeople#directory")}.
     */
    public static EmployeeDirectory directory() {
        Map<Long, Person> people = Map.of(DRAFTER.id(), DRAFTER, LEAD.id(), LEAD, HEAD.id(), HEAD, OTHER.id(), OTHER,
                OTHER_LEAD.id(), OTHER_LEAD);
        return new EmployeeDirectory() {
            @Override
            public List<Person> defaultLine(long drafterId, String bearerToken) {
                return drafterId == DRAFTER.id() ? List.of(LEAD, HEAD) : List.of();
            }

            @Override
            public List<Person> approvers(List<Long> ids, String bearerToken) {
                return ids.stream().map(people::get).filter(p -> p != null).toList();
            }

            @Override
            public List<ReceivingDepartment> departments(List<Long> ids, String bearerToken) {
                return ids.stream().map(id -> id == DEV.id() ? DEV : id == SALES.id() ? SALES : null)
                        .filter(d -> d != null).toList();
            }

            @Override
            public boolean hasDepartmentNamed(String name, String bearerToken) {
                return DEV.name().equals(name) || SALES.name().equals(name);
            }
        };
    }

    /** A token for this person, signed by the service's own key, with the given roles (EMPLOYEE if none). */
    public static String token(TokenIssuer tokens, Person p, String... roles) {
        return token(tokens, p, 0, roles);
    }

    /**
     * The same, issued at a token version (revocations refuse the older ones). Someone of position DEPT_HEAD heads
     * their department here, as in the demo organisation.
     */
    public static String token(TokenIssuer tokens, Person p, long tokenVersion, String... roles) {
        return token(tokens, p, tokenVersion, "DEPT_HEAD".equals(p.position()), roles);
    }

    /** A token that says whether its holder heads their department, whatever their position. */
    public static String token(TokenIssuer tokens, Person p, long tokenVersion, boolean headsDepartment, String... roles) {
        Set<String> granted = roles.length == 0 ? Set.of("EMPLOYEE") : Set.of(roles);
        Long departmentId = DEV.name().equals(p.department()) ? Long.valueOf(DEV.id())
                : SALES.name().equals(p.department()) ? Long.valueOf(SALES.id()) : null;
        return tokens.issue(new Caller(p.id(), "u" + p.id(), p.name(), p.department(), p.position(), granted,
                departmentId, headsDepartment), tokenVersion);
    }
}
