package com.erp.routes.common.security;

import java.io.IOException;

import com.erp.routes.common.web.Problem;
import com.erp.routes.common.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problems. A browser asking for a console page without a token is sent to the
 * login page instead.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String path = request.getRequestURI();
        String accept = request.getHeader("Accept");
        // not for what reaches Jolokia: its operation would be the sign-in's next page
        if (path.startsWith("/actuator/hawtio") && !ErpBearerTokenResolver.actsOnAGet(path) && accept != null
                && accept.contains("text/html")) {
            response.sendRedirect("/login.html?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        String detail;
        if (e instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            detail = "The bearer token is not valid" + (description == null ? "." : ": " + description);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        } else {
            detail = "This endpoint needs a bearer token: log in with POST /api/auth/login and send "
                    + "'Authorization: Bearer <accessToken>'.";
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        ProblemWriter.write(response, new Problem(Problem.typeUri("unauthorized"), "Authentication required", 401,
                detail, path, null));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) {
        ProblemWriter.write(response, new Problem(Problem.typeUri("forbidden"), "Forbidden", 403,
                "Your role does not allow this.", request.getRequestURI(), null));
    }
}
