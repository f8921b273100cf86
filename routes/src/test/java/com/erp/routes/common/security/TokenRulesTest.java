package com.erp.routes.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/** Tokens correctly signed with the service's own key, but which must still be refused. */
class TokenRulesTest {

    private static final JwtKeys KEYS = JwtKeys.generated();
    private final NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEYS.publicKey()).build();

    TokenRulesTest() {
        decoder.setJwtValidator(TokenRules.validator("erp-test"));
    }

    private static String signed(JwtClaimsSet.Builder claims) {
        return new NimbusJwtEncoder(KEYS.jwkSource()).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build())).getTokenValue();
    }

    private static JwtClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return JwtClaimsSet.builder().issuer("erp-test").subject("1001").issuedAt(now)
                .expiresAt(now.plus(30, ChronoUnit.MINUTES));
    }

    @Test
    void aTokenOfOurIssuerForAnEmployeeThatExpiresIsAccepted() {
        assertThat(decoder.decode(signed(claims())).getSubject()).isEqualTo("1001");
    }

    @Test
    void aTokenThatNeverExpiresOrNamesNoEmployeeIsRefused() {
        JwtClaimsSet.Builder noExpiry = JwtClaimsSet.builder().issuer("erp-test").subject("1001").issuedAt(Instant.now());
        assertThatThrownBy(() -> decoder.decode(signed(noExpiry))).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("exp");
        assertThatThrownBy(() -> decoder.decode(signed(claims().subject("abc")))).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("sub");
        assertThatThrownBy(() -> decoder.decode(signed(claims().claims(c -> c.remove("sub")))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("sub");
        assertThatThrownBy(() -> decoder.decode(signed(claims().issuer("someone-else"))))
                .isInstanceOf(JwtValidationException.class);
    }
}
