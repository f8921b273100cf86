package com.erp.routes.common.security;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.erp.routes.common.events.DepartureEvent;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The people whose tokens are refused before they expire: those who left (퇴사). Each service learns them from
 * {@code erp.topics.employee-departed}, read from its beginning at every start (route {@code common.revocations}), and
 * its token validator ({@link #validator}) asks here on every request, also for a token whose signature it remembers.
 */
public class RevokedSubjects {

    private final Map<Long, Instant> departed = new ConcurrentHashMap<>();

    public void revoke(DepartureEvent event) {
        departed.put(event.employee().id(), event.departedAt());
    }

    /** When {@code employeeId} left, or null. */
    public Instant departedAt(long employeeId) {
        return departed.get(employeeId);
    }

    /** Refuses a token whose subject left (the token rules have checked that {@code sub} is an id). */
    public OAuth2TokenValidator<Jwt> validator() {
        return jwt -> {
            String sub = jwt.getSubject();
            Instant left = sub == null || !sub.matches("[0-9]{1,18}") ? null : departed.get(Long.parseLong(sub));
            return left == null ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                            "The account of this token was closed on " + left + ".", null));
        };
    }
}
