package com.erp.routes.employee;

import static com.erp.routes.common.Expressions.mapOf;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jpa.JpaConstants;
import org.springframework.stereotype.Component;

/**
 * Login: look the user up (camel-jpa), check the password and issue an RS256 token (bean loginService), and
 * set it as an HttpOnly cookie too, for the browser console. Logout ends the token it came with and expires the
 * cookie; logout everywhere revokes every token of the caller.
 */
@Component
public class LoginRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:login").routeId("employee.login").routeConfigurationId(RestErrorConfiguration.ID)
                .setVariable("login", body())
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf("username", simple("${body.username}")))
                .to("jpa:com.erp.employee.domain.Employee?namedQuery=Employee.byUsername")
                .bean("loginService", "login(${variable.login}, ${body})")
                .setHeader("Set-Cookie", method("loginService", "cookie"));

        // the token the request came with (header, else login cookie) ends, verified by the bean: the endpoint is
        // public. The cookie is expired first, so that it goes with the problem too if recording the logout fails.
        from("direct:logout").routeId("employee.logout").routeConfigurationId(RestErrorConfiguration.ID)
                .setVariable("authorization", header("Authorization"))
                .setVariable("cookies", header("Cookie"))
                .removeHeaders("*")
                .setHeader("Set-Cookie", method("loginService", "expiredCookie"))
                .bean("logout", "signOut(${variable.authorization}, ${variable.cookies})")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant(""));

        // every token of the caller revoked (their token version bumped, published as a password change's is)
        from("direct:logoutEverywhere").routeId("employee.logout-everywhere")
                .routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "signOutEverywhere(${variable.caller})")
                .removeHeaders("*")
                .setHeader("Set-Cookie", method("loginService", "expiredCookie"))
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant(""));

        from("direct:getJwks").routeId("employee.jwks").routeConfigurationId(RestErrorConfiguration.ID)
                .bean("jwtKeys", "publicJwkSet");
    }
}
