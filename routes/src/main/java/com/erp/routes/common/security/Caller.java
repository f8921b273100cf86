package com.erp.routes.common.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the token says: the only source of identity and role in every service.
 */
public record Caller(long id, String username, String name, String department, String position, Set<String> roles,
                     Long departmentId, boolean headsDepartment) {

    /** A caller whose department is known by name only (tokens issued before {@value #CLAIM_DEPARTMENT_ID} existed). */
    public Caller(long id, String username, String name, String department, String position, Set<String> roles) {
        this(id, username, name, department, position, roles, null);
    }

    /** A caller who heads no department. */
    public Caller(long id, String username, String name, String department, String position, Set<String> roles,
                  Long departmentId) {
        this(id, username, name, department, position, roles, departmentId, false);
    }

    public static final String CLAIM_NAME = "name";
    public static final String CLAIM_USERNAME = "preferred_username";
    public static final String CLAIM_DEPARTMENT = "department";
    /** The department's id: what 수신처 (a document sent to a whole department) is matched against. */
    public static final String CLAIM_DEPARTMENT_ID = "department_id";
    public static final String CLAIM_POSITION = "position";
    public static final String CLAIM_ROLES = "roles";
    /**
     * Whether the caller heads their own department in the org chart when the token was issued (부서 문서함, the
     * department's reports). Not the position: a rank says nothing of who heads what now, and naming another head
     * revokes both people's tokens, so the claim never outlives the appointment.
     */
    public static final String CLAIM_HEADS_DEPARTMENT = "heads_department";

    public static Caller from(Jwt jwt) {
        Collection<String> roles = jwt.hasClaim(CLAIM_ROLES) ? jwt.getClaimAsStringList(CLAIM_ROLES) : List.of();
        return new Caller(Long.parseLong(jwt.getSubject()), jwt.getClaimAsString(CLAIM_USERNAME),
                jwt.getClaimAsString(CLAIM_NAME), jwt.getClaimAsString(CLAIM_DEPARTMENT),
                jwt.getClaimAsString(CLAIM_POSITION), Set.copyOf(roles), departmentId(jwt), headsDepartment(jwt));
    }

    /** The claim; for a token issued before it existed (at most a token's life after an upgrade), the rank's word. */
    private static boolean headsDepartment(Jwt jwt) {
        Object claim = jwt.getClaims().get(CLAIM_HEADS_DEPARTMENT);
        return claim == null ? "DEPT_HEAD".equals(jwt.getClaimAsString(CLAIM_POSITION)) : Boolean.TRUE.equals(claim);
    }

    private static Long departmentId(Jwt jwt) {
        Object claim = jwt.getClaims().get(CLAIM_DEPARTMENT_ID);
        return claim instanceof Number n ? Long.valueOf(n.longValue()) : null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole("ADMIN");
    }

    /** The caller as events and documents show a person. */
    public com.erp.routes.common.events.Person person() {
        return new com.erp.routes.common.events.Person(id, name, position, department);
    }
}
