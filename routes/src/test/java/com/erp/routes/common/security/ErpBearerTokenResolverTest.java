package com.erp.routes.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ErpBearerTokenResolverTest {

    private final ErpBearerTokenResolver resolver = new ErpBearerTokenResolver("ERP_TOKEN", false);

    private static MockHttpServletRequest withCookie(String path, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.addHeader("Host", "erp.example.com");
        request.setCookies(new Cookie("ERP_TOKEN", "the-token"));
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void theConsoleTakesTheCookieFromItsOwnPagesAndFromClientsThatAreNoBrowser() {
        // the console's scripts (fetch, XMLHttpRequest) reach Jolokia, directly or through its forward
        assertThat(resolver.resolve(withCookie("/actuator/jolokia", "Sec-Fetch-Site", "same-origin",
                "Sec-Fetch-Mode", "cors"))).isEqualTo("the-token");
        assertThat(resolver.resolve(withCookie("/actuator/hawtio/jolokia/read/java.lang:type=Memory", "Sec-Fetch-Site",
                "same-origin", "Sec-Fetch-Mode", "same-origin"))).isEqualTo("the-token");
        assertThat(resolver.resolve(withCookie("/actuator/hawtio/", "Sec-Fetch-Site", "none"))).isEqualTo("the-token");
        assertThat(resolver.resolve(withCookie("/actuator/hawtio/", "Sec-Fetch-Site", "same-origin",
                "Sec-Fetch-Mode", "navigate"))).isEqualTo("the-token");
        assertThat(resolver.resolve(withCookie("/actuator/jolokia", "Origin", "https://erp.example.com"))).isEqualTo("the-token");
        assertThat(resolver.resolve(withCookie("/actuator/prometheus"))).isEqualTo("the-token");
    }

    /** SameSite=Strict lets a sibling host's page, or another port's on the same host, send the cookie: not taken. */
    @Test
    void theConsoleRefusesTheCookieFromAnotherOriginsPage() {
        assertThat(resolver.resolve(withCookie("/actuator/jolokia", "Sec-Fetch-Site", "same-site"))).isNull();
        assertThat(resolver.resolve(withCookie("/actuator/jolokia", "Sec-Fetch-Site", "cross-site"))).isNull();
        assertThat(resolver.resolve(withCookie("/actuator/jolokia", "Origin", "https://blog.example.com"))).isNull();
        assertThat(resolver.resolve(withCookie("/actuator/jolokia", "Origin", "null"))).isNull();
        // Jolokia runs an operation named in a GET's URL: a link opened from elsewhere (none), or an image on a
        // plain-HTTP page (neither header), does not carry the administrator's cookie there
        assertThat(resolver.resolve(withCookie("/actuator/jolokia/exec/com.erp:type=DispatchMode/switchMode/SYNC",
                "Sec-Fetch-Site", "none"))).isNull();
        assertThat(resolver.resolve(withCookie("/actuator/jolokia/exec/com.erp:type=DispatchMode/switchMode/SYNC"))).isNull();
        // nor a navigation from this very origin (the sign-in page's next page, a link in the console), nor an image,
        // to Jolokia or to the console's forward to it, however its path is spelled
        for (String path : java.util.List.of("/actuator/jolokia/exec/com.erp:type=DispatchMode/switchMode/SYNC",
                "/actuator/hawtio/jolokia/exec/com.erp:type=DispatchMode/switchMode/SYNC",
                "/actuator/hawtio/%6Aolokia/exec/com.erp:type=DeadLetters/replayTopic/x", "/actuator/HAWTIO/Jolokia/",
                "/actuator/hawtio/proxy/localhost/8080/jolokia")) {
            assertThat(resolver.resolve(withCookie(path, "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "navigate")))
                    .as(path).isNull();
            assertThat(resolver.resolve(withCookie(path, "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "no-cors")))
                    .as(path).isNull();
            assertThat(resolver.resolve(withCookie(path, "Sec-Fetch-Site", "same-origin"))).as(path).isNull();
            assertThat(resolver.resolve(withCookie(path, "Sec-Fetch-Site", "none"))).as(path).isNull();
            assertThat(resolver.resolve(withCookie(path))).as(path).isNull();
        }
        // the same page's Origin does not outweigh what the browser says of it
        assertThat(resolver.resolve(withCookie("/actuator/jolokia", "Sec-Fetch-Site", "same-site",
                "Origin", "https://erp.example.com"))).isNull();
        // a bearer header is no cookie: a page cannot make a browser send one
        MockHttpServletRequest header = withCookie("/actuator/jolokia", "Sec-Fetch-Site", "cross-site",
                "Authorization", "Bearer from-header");
        assertThat(resolver.resolve(header)).isEqualTo("from-header");
    }

    /**
     * Health is open to everyone, but an administrator's token shows its parts: read there (the console's cookie from
     * its own page), never on the probes below it, which a token must not make fail.
     */
    @Test
    void healthAsAWholeReadsAToken() {
        assertThat(resolver.resolve(withCookie("/actuator/health", "Authorization", "Bearer from-header")))
                .isEqualTo("from-header");
        assertThat(resolver.resolve(withCookie("/actuator/health", "Sec-Fetch-Site", "same-origin"))).isEqualTo("the-token");
        assertThat(resolver.resolve(withCookie("/actuator/health", "Sec-Fetch-Site", "cross-site"))).isNull();
        assertThat(resolver.resolve(withCookie("/actuator/health/readiness", "Authorization", "Bearer from-header")))
                .isNull();
        assertThat(resolver.resolve(withCookie("/actuator/health/liveness", "Sec-Fetch-Site", "same-origin"))).isNull();
    }

    /** A token in a URL ends up in access logs: the handshake takes it there only where the setting allows it. */
    @Test
    void theSocketTakesATokenInItsUrlOnlyWhereAllowed() {
        MockHttpServletRequest query = new MockHttpServletRequest("GET", "/ws/notifications");
        query.setParameter("access_token", "in-the-url");
        assertThat(resolver.resolve(query)).isNull();
        assertThat(new ErpBearerTokenResolver("ERP_TOKEN", true).resolve(query)).isEqualTo("in-the-url");
        MockHttpServletRequest api = new MockHttpServletRequest("GET", "/api/approvals");
        api.setParameter("access_token", "in-the-url");
        assertThat(new ErpBearerTokenResolver("ERP_TOKEN", true).resolve(api)).as("never on the API").isNull();
        MockHttpServletRequest header = new MockHttpServletRequest("GET", "/ws/notifications");
        header.addHeader("Authorization", "Bearer in-the-header");
        assertThat(resolver.resolve(header)).isEqualTo("in-the-header");
    }

    @Test
    void theApiNeverTakesTheCookieAndTheSocketLeavesItsOriginToItsFilter() {
        assertThat(resolver.resolve(withCookie("/api/approvals", "Sec-Fetch-Site", "same-origin"))).isNull();
        assertThat(resolver.resolve(withCookie("/ws/notifications", "Sec-Fetch-Site", "same-origin"))).isEqualTo("the-token");
        assertThat(resolver.resolve(withCookie("/api/auth/login", "Authorization", "Bearer expired"))).isNull();
    }

    /**
     * A page's socket carries its tab's token as the subprotocol after erp.bearer: it outweighs the login cookie, the
     * browser's latest sign-in, which may be another person's from another tab. Only on the socket.
     */
    @Test
    void theSocketTakesItsTabsTokenFromTheSubprotocolsBeforeTheCookie() {
        assertThat(resolver.resolve(withCookie("/ws/notifications", "Sec-WebSocket-Protocol", "erp.bearer, tabs-token")))
                .isEqualTo("tabs-token");
        // asked for in two header lines, or after another protocol
        assertThat(resolver.resolve(withCookie("/ws/notifications", "Sec-WebSocket-Protocol", "chat",
                "Sec-WebSocket-Protocol", "erp.bearer,tabs-token"))).isEqualTo("tabs-token");
        // no token after it, or not asked for: the cookie
        assertThat(resolver.resolve(withCookie("/ws/notifications", "Sec-WebSocket-Protocol", "erp.bearer")))
                .isEqualTo("the-token");
        assertThat(resolver.resolve(withCookie("/ws/notifications", "Sec-WebSocket-Protocol", "chat, tabs-token")))
                .isEqualTo("the-token");
        assertThat(resolver.resolve(withCookie("/api/approvals", "Sec-WebSocket-Protocol", "erp.bearer, tabs-token")))
                .as("never on the API").isNull();
    }
}
