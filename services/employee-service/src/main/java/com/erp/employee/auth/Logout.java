package com.erp.employee.auth;

import com.erp.employee.persistence.Personnel;
import com.erp.routes.common.security.RevokedSubjects;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Logging out (bean {@code logout}) ends the token the request came with: the Authorization header's, else the login
 * cookie's, and no other token of the person (their phone stays signed in; signing out everywhere ends those). A
 * page sends its own token in the header: the cookie, which every tab of the browser shares, holds the last sign-in's,
 * maybe another tab's, which goes on (the cookie itself is expired for the whole browser, as before). The
 * endpoint is public, so that a client whose token expired can still log out: each token is verified here, as any
 * request's would be, and one that is not valid (expired, revoked, not ours) has nothing left to end.
 */
public class Logout {

    private static final String BEARER = "Bearer ";

    private final JwtDecoder tokens;
    private final Personnel personnel;
    private final String cookieName;

    public Logout(JwtDecoder tokens, Personnel personnel, String cookieName) {
        this.tokens = tokens;
        this.personnel = personnel;
        this.cookieName = cookieName;
    }

    /** @param authorization the Authorization header (may be null); @param cookies the Cookie header (may be null) */
    public void signOut(String authorization, String cookies) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            end(authorization.substring(BEARER.length()).trim());
        } else if (cookies != null) {
            for (String cookie : cookies.split(";")) {
                String c = cookie.trim();
                if (c.startsWith(cookieName + "=") && c.length() > cookieName.length() + 1) {
                    end(c.substring(cookieName.length() + 1));
                    return; // one login cookie; a crafted header with many does not make many verifications
                }
            }
        }
    }

    private void end(String token) {
        Jwt jwt;
        try {
            jwt = tokens.decode(token);
        } catch (JwtException notValid) {
            return;
        }
        // the decoder took only a subject that is an employee's id; a token issued before tokens had ids (claim jti)
        // cannot be told apart from the person's others, and expires within hours
        if (jwt.getId() != null && jwt.getExpiresAt() != null) {
            personnel.signOut(Long.parseLong(jwt.getSubject()), jwt.getId(), RevokedSubjects.tokenVersion(jwt),
                    jwt.getExpiresAt());
        }
    }
}
