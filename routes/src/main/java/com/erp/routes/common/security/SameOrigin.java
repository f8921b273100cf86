package com.erp.routes.common.security;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a browser's request comes from this application's own pages. The sign-in cookie is SameSite=Strict, which
 * keeps other sites from sending it, but not a page of a sibling host or of another port on the same host: to a
 * browser those are the same site.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /**
     * A browser says where a request comes from in {@code Sec-Fetch-Site}: only {@code same-origin} (one of this
     * server's pages) and {@code none} (typed in, a bookmark) count as its own. A browser too old to send it sends
     * {@code Origin} with every request that could change something, which must then be this server. A client that
     * is no browser sends neither.
     */
    public static boolean fromOwnPage(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equalsIgnoreCase(site) || "none".equalsIgnoreCase(site);
        }
        String origin = request.getHeader("Origin");
        return origin == null || matches(origin, request);
    }

    /**
     * Whether {@code origin}, as a browser sends it, is this server as the browser addressed it ({@code Host}, or
     * {@code X-Forwarded-Host} behind a proxy).
     */
    public static boolean matches(String origin, HttpServletRequest request) {
        String authority;
        try {
            authority = URI.create(origin.strip().toLowerCase(Locale.ROOT)).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (authority == null) {
            return false; // "null" (a sandboxed page, a file) or nonsense
        }
        String forwarded = request.getHeader("X-Forwarded-Host");
        String host = forwarded != null ? forwarded.split(",")[0].strip() : request.getHeader("Host");
        return host != null && sameAuthority(authority, host.toLowerCase(Locale.ROOT));
    }

    /** The same host and port; a port left out is the scheme's own on either side, so only equal texts match then. */
    private static boolean sameAuthority(String origin, String host) {
        return origin.equals(host) || origin.equals(host + ":80") || origin.equals(host + ":443")
                || host.equals(origin + ":80") || host.equals(origin + ":443");
    }
}
