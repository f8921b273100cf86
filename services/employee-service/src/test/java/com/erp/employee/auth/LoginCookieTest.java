package com.erp.employee.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.erp.employee.api.LoginResponse;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

class LoginCookieTest {

    @SuppressWarnings("deprecation")
    private static LoginService service(boolean secure) {
        return new LoginService(NoOpPasswordEncoder.getInstance(), null, null, "ERP_TOKEN", secure, null, null, null);
    }

    @Test
    void overHttpsTheCookieIsSecureAndItsExpiryToo() {
        LoginResponse signedIn = new LoginResponse("the-token", "Bearer", 28_800, null);
        assertThat(service(true).cookie(signedIn)).startsWith("ERP_TOKEN=the-token").contains("Secure", "HttpOnly",
                "SameSite=Strict", "Max-Age=28800");
        // a logout's expired cookie replaces it only if it is Secure too
        assertThat(service(true).expiredCookie()).contains("Secure", "Max-Age=0");
        assertThat(service(false).cookie(signedIn)).doesNotContain("Secure");
    }
}
