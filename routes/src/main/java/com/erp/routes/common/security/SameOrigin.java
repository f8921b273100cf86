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
     * A browser says where a request comes from in {@code Sec-Fetch-Site} (to HTTPS and localhost origins): {@code
     * same-origin} is one of this server's pages. Without it, a browser's script request or form post says {@code
     * Origin}, which must then be this server. {@code navigation}: whether a request that is only looked at, not
     * acted on, may also come without a page of this server behind it: {@code none} (typed in, a bookmark, a link
     * opened from elsewhere) or neither header (a link or an image on a plain-HTTP page, a client that is no
     * browser). Never for what acts on a GET (Jolokia's {@code exec} and {@code write} in a URL): {@link #fromOwnScript}.
     */
    public static boolean fromOwnPage(HttpServletRequest request, boolean navigation) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equalsIgnoreCase(site) || navigation && "none".equalsIgnoreCase(site);
        }
        String origin = request.getHeader("Origin");
        return origin == null ? navigation : matches(origin, request);
    }

    /**
     * Whether the request is a script's of one of this server's pages (fetch, XMLHttpRequest), not a navigation nor an
     * image or a form: {@code Sec-Fetch-Site: same-origin} with {@code Sec-Fetch-Mode} {@code cors} or {@code
     * same-origin}; without those headers (a plain-HTTP origin other than localhost), an {@code Origin} of this server,
     * which browsers send on a script's POST and not on a link or an image. Neither: refused.
     */
    public static boolean fromOwnScript(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String mode = request.getHeader("Sec-Fetch-Mode");
            return "same-origin".equalsIgnoreCase(site)
                    && ("cors".equalsIgnoreCase(mode) || "same-origin".equalsIgnoreCase(mode));
        }
        String origin = request.getHeader("Origin");
        return origin != null && matches(origin, request);
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
