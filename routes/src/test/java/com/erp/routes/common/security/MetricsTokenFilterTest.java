package com.erp.routes.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class MetricsTokenFilterTest {

    private static final String TOKEN = "a-scrapers-token-of-32-characters-at-least";
    private final MetricsTokenFilter filter = new MetricsTokenFilter(TOKEN);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    /** What the rest of the chain saw: the Authorization header and who was signed in. */
    private record Seen(String authorization, Authentication who) {
    }

    private Seen send(String path, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        List<Seen> seen = new ArrayList<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.add(new Seen(
                ((HttpServletRequest) req).getHeader("Authorization"),
                SecurityContextHolder.getContext().getAuthentication())));
        return seen.get(0);
    }

    @Test
    void theTokenSignsInAsTheScraperOnTheMetricsPathOnly() throws Exception {
        Seen scraper = send("/actuator/prometheus", "Bearer " + TOKEN);
        assertThat(scraper.authorization()).as("taken off: it is no JWT").isNull();
        assertThat(scraper.who().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_METRICS");
        SecurityContextHolder.clearContext();

        for (String path : List.of("/actuator/metrics", "/actuator/prometheus/", "/api/inbox")) {
            Seen elsewhere = send(path, "Bearer " + TOKEN);
            assertThat(elsewhere.who()).as(path).isNull();
            assertThat(elsewhere.authorization()).as("left for the JWT check, which refuses it").isEqualTo("Bearer " + TOKEN);
        }
    }

    @Test
    void anotherTokenOrNoneIsLeftToTheJwtCheck() throws Exception {
        for (String header : List.of("Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1), "Basic " + TOKEN,
                "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")) {
            Seen seen = send("/actuator/prometheus", header);
            assertThat(seen.who()).as(header).isNull();
            assertThat(seen.authorization()).isEqualTo(header);
        }
        assertThat(send("/actuator/prometheus", null).who()).isNull();
    }

    /** While it is rotated: the current token and the next, both taken. */
    @Test
    void severalTokensAreTakenWhileOneIsRotated() throws Exception {
        String next = "the-next-scrapers-token-32-characters-long";
        MetricsTokenFilter both = new MetricsTokenFilter(TOKEN + ", " + next);
        for (String token : List.of(TOKEN, next)) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
            request.addHeader("Authorization", "Bearer " + token);
            List<Authentication> who = new ArrayList<>();
            both.doFilter(request, new MockHttpServletResponse(),
                    (req, res) -> who.add(SecurityContextHolder.getContext().getAuthentication()));
            assertThat(who.get(0)).as(token).isNotNull();
            SecurityContextHolder.clearContext();
        }
        assertThat(send("/actuator/prometheus", "Bearer " + next).who()).as("not taken by the other filter").isNull();
        assertThatThrownBy(() -> new MetricsTokenFilter(TOKEN + ",short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortTokenIsRefusedAtStart() {
        assertThatThrownBy(() -> new MetricsTokenFilter("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("erp.metrics.token");
        assertThatThrownBy(() -> new MetricsTokenFilter(" ".repeat(40))).isInstanceOf(IllegalArgumentException.class);
    }
}
