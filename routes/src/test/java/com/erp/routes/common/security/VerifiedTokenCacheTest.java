package com.erp.routes.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.erp.routes.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Real keys, real tokens, the real Nimbus verifier underneath. */
class VerifiedTokenCacheTest {

    private static final JwtKeys KEYS = JwtKeys.generated();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedTokenCache cache = cache(KEYS);

    private VerifiedTokenCache cache(JwtKeys keys) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                List.of(timestamps, new JwtIssuerValidator("erp-test")));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(keys.publicKey()).build();
        nimbus.setJwtValidator(validator);
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        return new VerifiedTokenCache(counting, validator, 100, Duration.ofMinutes(5));
    }

    private String token(JwtKeys keys, Duration ttl) {
        return new TokenIssuer(keys, "erp-test", ttl, clock).issue(new Caller(7, "tester", "Tester", "D", "STAFF", java.util.Set.of("EMPLOYEE")));
    }

    @Test
    void aTokenIsVerifiedOnceAndThenTakenFromMemory() {
        String token = token(KEYS, Duration.ofMinutes(30));
        Jwt first = cache.decode(token);
        Jwt again = cache.decode(token);
        assertThat(again.getSubject()).isEqualTo(first.getSubject()).isEqualTo("7");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        String token = token(KEYS, Duration.ofMinutes(1));
        cache.decode(token);
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> cache.decode(token)).as("and forgotten: verified afresh, still refused")
                .isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenWithAnotherSignatureIsNotTakenForARememberedOne() {
        String token = token(KEYS, Duration.ofMinutes(30));
        cache.decode(token);
        String forged = token(JwtKeys.generated(), Duration.ofMinutes(30)); // same claims, a stranger's key
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(JwtException.class);
    }
}
