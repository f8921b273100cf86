package com.erp.routes.common.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The scraper's credential ({@code erp.metrics.token}, from a secret; comma-separated, several are taken: the current
 * and the next while it is rotated): a bearer token that reads {@code /actuator/prometheus} and nothing else (role
 * {@code METRICS}, which no other rule admits). Without it a scraper needed an administrator's token, which does everything and lapses after {@code erp.auth.token-ttl}. Unset,
 * the filter is not there and only administrators scrape. The token is compared by its SHA-256 in constant time; a
 * request carrying it is passed on without it, so the JWT check does not take it for a malformed token.
 */
public class MetricsTokenFilter extends OncePerRequestFilter {

    public static final String PATH = "/actuator/prometheus";
    public static final String ROLE = "METRICS";
    /** Shorter is guessable: a scraper's token is long-lived and used from outside the process. */
    static final int MIN_LENGTH = 32;
    private static final String BEARER = "Bearer ";

    private final List<byte[]> digests;

    public MetricsTokenFilter(String tokens) {
        List<String> each = tokens == null ? List.of() : java.util.Arrays.stream(tokens.split(","))
                .map(String::strip).toList();
        if (each.isEmpty() || each.stream().anyMatch(t -> t.length() < MIN_LENGTH)) {
            throw new IllegalArgumentException("erp.metrics.token: each token (comma-separated) must be at least "
                    + MIN_LENGTH + " characters (e.g. openssl rand -base64 32)");
        }
        this.digests = each.stream().map(MetricsTokenFilter::sha256).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || !taken(header)) {
            chain.doFilter(request, response); // an administrator's token, or nothing: as on the rest of /actuator
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
        SecurityContextHolder.setContext(context);
        chain.doFilter(new WithoutAuthorization(request), response);
    }

    /** Compared with every token taken, each in constant time. */
    private boolean taken(String header) {
        byte[] presented = sha256(header.substring(BEARER.length()).strip());
        boolean taken = false;
        for (byte[] digest : digests) {
            taken |= MessageDigest.isEqual(digest, presented);
        }
        return taken;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its Authorization header taken off (the scraper's token is no JWT). */
    private static final class WithoutAuthorization extends HttpServletRequestWrapper {

        WithoutAuthorization(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> !HttpHeaders.AUTHORIZATION.equalsIgnoreCase(n)).toList());
        }
    }
}
