package com.erp.routes.common.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the token says: the only source of identity and role in every service.
 */
public record Caller(long id, String username, String name, String department, String position, Set<String> roles) {

    public static final String CLAIM_NAME = "name";
    public static final String CLAIM_USERNAME = "preferred_username";
    public static final String CLAIM_DEPARTMENT = "department";
    public static final String CLAIM_POSITION = "position";
    public static final String CLAIM_ROLES = "roles";

    public static Caller from(Jwt jwt) {
        Collection<String> roles = jwt.hasClaim(CLAIM_ROLES) ? jwt.getClaimAsStringList(CLAIM_ROLES) : List.of();
        return new Caller(Long.parseLong(jwt.getSubject()), jwt.getClaimAsString(CLAIM_USERNAME),
                jwt.getClaimAsString(CLAIM_NAME), jwt.getClaimAsString(CLAIM_DEPARTMENT),
                jwt.getClaimAsString(CLAIM_POSITION), Set.copyOf(roles));
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
