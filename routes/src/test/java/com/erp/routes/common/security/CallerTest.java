package com.erp.routes.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

    private static Jwt.Builder token(String position) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("3").claim(Caller.CLAIM_POSITION, position)
                .claim(Caller.CLAIM_DEPARTMENT, "개발본부").claim(Caller.CLAIM_ROLES, List.of("EMPLOYEE"));
    }

    /** The org chart's word, not the rank's: a former head keeps the rank and heads nothing. */
    @Test
    void whoHeadsTheirDepartmentIsTheTokensClaimNotTheRank() {
        assertThat(Caller.from(token("DEPT_HEAD").claim(Caller.CLAIM_HEADS_DEPARTMENT, false).build()).headsDepartment())
                .isFalse();
        assertThat(Caller.from(token("TEAM_LEAD").claim(Caller.CLAIM_HEADS_DEPARTMENT, true).build()).headsDepartment())
                .isTrue();
        // a token issued before the claim existed, for the rest of its life after an upgrade: the rank, as then
        assertThat(Caller.from(token("DEPT_HEAD").build()).headsDepartment()).isTrue();
        assertThat(Caller.from(token("STAFF").build()).headsDepartment()).isFalse();
    }
}
