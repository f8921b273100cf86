package com.erp.routes.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs RS256 access tokens whose claims are a {@link Caller}. */
public class TokenIssuer {

    /** The version of the person's record the token was issued at: revocations refuse the older ones. */
    public static final String CLAIM_TOKEN_VERSION = "tv";

    private final NimbusJwtEncoder encoder;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    public TokenIssuer(JwtKeys keys, String issuer, Duration ttl, Clock clock) {
        this.encoder = new NimbusJwtEncoder(keys.jwkSource());
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    public String issue(Caller caller) {
        return issue(caller, 0);
    }

    /** A token of {@code caller} at their token version (claim {@value #CLAIM_TOKEN_VERSION}; see RevokedSubjects). */
    public String issue(Caller caller, long tokenVersion) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .id(UUID.randomUUID().toString()) // what a logout revokes (this token alone)
                .subject(Long.toString(caller.id()))
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim(Caller.CLAIM_USERNAME, caller.username())
                .claim(Caller.CLAIM_NAME, caller.name())
                .claim(Caller.CLAIM_DEPARTMENT, caller.department() == null ? "" : caller.department())
                .claim(Caller.CLAIM_POSITION, caller.position() == null ? "" : caller.position())
                .claim(Caller.CLAIM_ROLES, caller.roles().stream().sorted().toList())
                .claim(Caller.CLAIM_HEADS_DEPARTMENT, caller.headsDepartment())
                .claim(CLAIM_TOKEN_VERSION, tokenVersion);
        if (caller.departmentId() != null) {
            claims.claim(Caller.CLAIM_DEPARTMENT_ID, caller.departmentId());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    public Duration ttl() {
        return ttl;
    }
}
