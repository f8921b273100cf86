package com.erp.employee.auth;

import java.time.Duration;
import java.util.List;

import com.erp.employee.api.EmployeeViews;
import com.erp.employee.api.LoginRequest;
import com.erp.employee.api.LoginResponse;
import com.erp.employee.domain.Employee;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.security.TokenIssuer;
import com.erp.routes.common.web.ProblemException;
import org.springframework.http.ResponseCookie;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a password and issues the token (bean {@code loginService}). Unknown users and wrong passwords get
 * the same answer after the same amount of work, so the response does not reveal which usernames exist; repeated
 * failures for a username make it wait ({@link LoginThrottle}), a password tried on many accounts waits for all of
 * them ({@link PasswordSprayGuard}), and only so many checks run at once ({@link PasswordCheckGate}).
 */
public class LoginService {

    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final EmployeeViews views;
    private final String cookieName;
    private final boolean cookieSecure;
    private final String dummyHash;

    private final LoginThrottle throttle;
    private final PasswordSprayGuard spray;
    private final PasswordCheckGate gate;

    public LoginService(PasswordEncoder passwords, TokenIssuer tokens, EmployeeViews views, String cookieName,
                        boolean cookieSecure, LoginThrottle throttle, PasswordSprayGuard spray, PasswordCheckGate gate) {
        this.cookieSecure = cookieSecure;
        this.throttle = throttle;
        this.spray = spray;
        this.gate = gate;
        this.passwords = passwords;
        this.tokens = tokens;
        this.views = views;
        this.cookieName = cookieName;
        this.dummyHash = passwords.encode("no such user");
    }

    /** @param found what the lookup by username returned (empty when there is no such user) */
    public LoginResponse login(LoginRequest request, List<Employee> found) {
        Employee employee = found == null || found.isEmpty() ? null : found.get(0);
        // failures count against the account found, by its own name: spellings the database's collation takes for
        // it ("dév.lead", "ＤＥＶ.ＬＥＡＤ") do not each get their own guesses
        String account = employee == null ? request.username() : employee.getUsername();
        throttle.check(account);
        PasswordSprayGuard.Attempt attempt = spray.begin(request.password(), account);
        try {
            boolean matches = gate.check(() -> passwords.matches(request.password(),
                    employee == null ? dummyHash : employee.getPasswordHash()));
            if (!matches) {
                attempt.failed();
            }
            if (employee == null || !matches || !employee.isActive()) {
                throttle.failed(account);
                throw ProblemException.unauthorized("Wrong username or password.");
            }
            throttle.succeeded(account);
        } finally {
            // the right password (of someone who left, too), or not checked (the gate full): no guess that failed
            attempt.done();
        }
        Caller caller = new Caller(employee.getId(), employee.getUsername(), employee.getName(),
                employee.getDepartment().getName(), employee.getPosition().name(),
                employee.getRoles().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
                employee.getDepartment().getId(), employee.getDepartment().getHead() != null
                        && employee.getDepartment().getHead().getId().equals(employee.getId()));
        return new LoginResponse(tokens.issue(caller, employee.getTokenVersion()), "Bearer", tokens.ttl().toSeconds(), views.employee(employee));
    }

    /** The token as an HttpOnly, SameSite=Strict cookie, for the browser console and WebSocket handshakes. */
    public String cookie(LoginResponse response) {
        return ResponseCookie.from(cookieName, response.accessToken())
                .httpOnly(true)
                .secure(cookieSecure)
                .sameSite("Strict")
                .path("/")
                .maxAge(Duration.ofSeconds(response.expiresIn()))
                .build()
                .toString();
    }

    /** The login cookie, expired: what logging out sets (the page cannot remove an HttpOnly cookie itself). */
    public String expiredCookie() {
        return ResponseCookie.from(cookieName, "")
                .httpOnly(true)
                .secure(cookieSecure)
                .sameSite("Strict")
                .path("/")
                .maxAge(Duration.ZERO)
                .build()
                .toString();
    }
}
