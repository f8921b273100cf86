package com.erp.routes.common;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.erp.routes.common.security.MetricsTokenFilter;
import com.erp.routes.common.security.AuthProperties;
import com.erp.routes.common.security.ErpBearerTokenResolver;
import com.erp.routes.common.security.TokenRules;
import com.erp.routes.common.security.JwtKeys;
import com.erp.routes.common.security.ProblemSecurityHandlers;
import com.erp.routes.common.security.HeaderValues;
import com.erp.routes.common.security.TokenIssuer;
import com.erp.routes.common.security.RevokedSubjects;
import com.erp.routes.common.security.VerifiedTokenCache;
import com.erp.routes.common.web.ContractRequestValidator;
import com.erp.routes.common.web.ContractRoutes;
import com.erp.routes.common.web.MvcProblemHandler;
import com.erp.routes.common.web.ServiceContract;
import com.erp.routes.common.web.ContractMethodsFilter;
import com.erp.routes.common.web.OverloadExceptionResolver;
import com.erp.routes.common.web.ProblemErrorController;
import com.erp.routes.common.web.ProblemPlatformHttpEngine;
import com.erp.routes.common.web.TraceContinuation;
import com.erp.routes.common.web.ProblemReportValve;
import com.erp.routes.common.web.RequestBodyFilter;
import com.erp.routes.common.web.ResponseHeaderFilter;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.util.unit.DataSize;

/**
 * What every service has: JWT resource server with RFC 9457 errors, contract validation of requests,
 * response header allow-list, the REST error route configuration and the worker pool REST routes run on, and
 * RFC 9457 answers for what no route writes (request bodies refused unread, Spring MVC's and Tomcat's errors).
 */
// Before Spring Boot's defaults, so that its fallback security chain, error controller and problem-details
// handler back off, and before platform-http's, whose engine backs off too.
@AutoConfiguration(before = {ErrorMvcAutoConfiguration.class, WebMvcAutoConfiguration.class,
        SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class},
        beforeName = "org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpAutoConfiguration")
@EnableConfigurationProperties(AuthProperties.class)
public class ErpWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Present where this JVM signs tokens itself (employee-service, standalone, tests). */
    @Bean
    @ConditionalOnMissingBean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "'${erp.auth.jwk-set-uri:}'.isBlank()")
    JwtKeys jwtKeys(AuthProperties props) {
        return JwtKeys.from(props);
    }

    @Bean
    @ConditionalOnBean(JwtKeys.class)
    @ConditionalOnMissingBean
    TokenIssuer tokenIssuer(JwtKeys keys, AuthProperties props, Clock clock) {
        return new TokenIssuer(keys, props.issuer(), props.tokenTtl(), clock);
    }

    /** The REST binding's JSON format ({@code camel.rest.json-data-format}): Jackson, keeping why a body was refused. */
    @Bean("erp-json-dataformat-factory") // found for the name erp-json, which must not be a bean itself
    org.apache.camel.spi.DataFormatFactory erpBindingJson() {
        return com.erp.routes.common.web.BindingJsonDataFormat::new;
    }

    /** Who left: their tokens are refused before they expire (fed by the departures topic where Kafka is). */
    @Bean
    RevokedSubjects erpRevokedSubjects() {
        return new RevokedSubjects();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(AuthProperties props, ObjectProvider<JwtKeys> keys, RevokedSubjects revoked) {
        NimbusJwtDecoder decoder = props.holdsKey()
                ? NimbusJwtDecoder.withPublicKey(keys.getObject().publicKey()).build()
                : NimbusJwtDecoder.withJwkSetUri(props.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(TokenRules.validator(props.issuer()),
                revoked.validator());
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator, props.verifiedTokenCacheSize(), Duration.ofMinutes(5));
    }

    /** Spring Security's strict firewall, with its header rule checked without a regex ({@link HeaderValues}). */
    @Bean
    WebSecurityCustomizer erpHttpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderValues::allowed);
        firewall.setAllowedHeaderValues(HeaderValues::allowed);
        firewall.setAllowedParameterNames(HeaderValues::allowed);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain erpSecurityFilterChain(HttpSecurity http, AuthProperties props,
            @Value("${erp.websocket.query-token:false}") boolean queryToken,
            @Value("${erp.metrics.token:}") String metricsToken) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(rolesToAuthorities());
        http.csrf(AbstractHttpConfigurer::disable) // bearer tokens; the console cookie is SameSite=Strict
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // Before the chain, not after: a REST route answers on a worker thread (platform-http goes async),
                // and written after the chain returned, these headers went onto the response while the worker was
                // writing it (seen under load: a corrupted header block, Content-Length with chunked encoding).
                .headers(h -> h.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(ErpBearerTokenResolver.publicPatterns()).permitAll()
                        .requestMatchers(MetricsTokenFilter.PATH).hasAnyRole("ADMIN", MetricsTokenFilter.ROLE)
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/**", "/ws/**").authenticated()
                        .anyRequest().permitAll()) // the UI's static files and the login page
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(authentication))
                        .bearerTokenResolver(new ErpBearerTokenResolver(props.cookieName(), queryToken))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (!metricsToken.isBlank()) {
            // not a bean: Spring Boot would also register it as a servlet filter outside the chain
            http.addFilterBefore(new MetricsTokenFilter(metricsToken), BearerTokenAuthenticationFilter.class);
        }
        return http.build();
    }

    private static Converter<Jwt, Collection<GrantedAuthority>> rolesToAuthorities() {
        return jwt -> {
            List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
            return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
        };
    }

    /**
     * The pool platform-http runs REST routes on. Camel picks a {@link DelegatingSecurityContextAsyncTaskExecutor}
     * when there is one, which carries the caller's security context from the servlet thread to the route.
     */
    @Bean
    DelegatingSecurityContextAsyncTaskExecutor platformHttpExecutor(@Value("${erp.http.workers}") int workers,
                                                                    @Value("${erp.http.queue}") int queue) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(workers);
        pool.setMaxPoolSize(workers);
        pool.setQueueCapacity(queue);
        pool.setThreadNamePrefix("rest-");
        // full pool and queue: reject, and OverloadExceptionResolver answers 503 (load shedding)
        pool.setRejectedExecutionHandler(new java.util.concurrent.ThreadPoolExecutor.AbortPolicy());
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.setAwaitTerminationSeconds(20);
        pool.initialize();
        return new DelegatingSecurityContextAsyncTaskExecutor(pool);
    }

    /** platform-http's engine on that pool, whose consumers answer every error as a problem. */
    @Bean(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME)
    PlatformHttpEngine platformHttpEngine(@Value("${server.port:8080}") int port,
                                          DelegatingSecurityContextAsyncTaskExecutor platformHttpExecutor,
                                          @Value("${erp.http.queue-timeout}") Duration queueTimeout,
                                          @Value("${erp.http.overload-retry-after-seconds}") int retryAfter,
                                          ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return new ProblemPlatformHttpEngine(port, platformHttpExecutor, queueTimeout, retryAfter,
                t == null || p == null || t == Tracer.NOOP ? UnaryOperator.identity() : new TraceContinuation(t, p));
    }

    @Bean
    OverloadExceptionResolver overloadExceptionResolver(@Value("${erp.http.overload-retry-after-seconds}") int retryAfter) {
        return new OverloadExceptionResolver(retryAfter);
    }

    /** The contracts of the service modules present, merged (see {@link ContractRoutes}). */
    @Bean(ContractRoutes.CONTRACT_BEAN)
    @ConditionalOnBean(ServiceContract.class)
    String erpApiContract(List<ServiceContract> contracts) {
        return ContractRoutes.merge(contracts);
    }

    @Bean
    @ConditionalOnBean(ServiceContract.class)
    ContractRoutes contractRoutes(List<ServiceContract> contracts) {
        return new ContractRoutes(contracts);
    }

    @Bean
    ContractRequestValidator contractRequestValidator() {
        return new ContractRequestValidator();
    }

    @Bean
    ResponseHeaderFilter erpResponseHeaderFilter() {
        return new ResponseHeaderFilter();
    }

    @Bean
    RestErrorConfiguration restErrorConfiguration() {
        return new RestErrorConfiguration();
    }

    @Bean
    ProblemErrorController problemErrorController(ErrorAttributes errorAttributes) {
        return new ProblemErrorController(errorAttributes);
    }

    @Bean
    MvcProblemHandler mvcProblemHandler() {
        return new MvcProblemHandler();
    }

    /**
     * Request bodies checked before Camel reads them (size, forms, charset: {@link RequestBodyFilter}), on the
     * paths of the contract; after Spring Security, so that a request without a token is not read at all.
     */
    @Bean
    @ConditionalOnBean(ServiceContract.class)
    FilterRegistrationBean<RequestBodyFilter> erpRequestBodyFilter(@Qualifier(ContractRoutes.CONTRACT_BEAN) String contract,
                                                                   @Value("${erp.http.max-request-size}") DataSize max,
                                                                   @Value("${erp.http.max-upload-size}") DataSize upload,
                                                                   @Value("${erp.http.upload-paths}") Set<String> uploadPaths,
                                                                   @Value("${erp.http.upload-concurrency}") int uploadConcurrency,
                                                                   @Value("${erp.http.download-paths}") String downloadPaths,
                                                                   @Value("${erp.http.download-concurrency}") int downloadConcurrency,
                                                                   @Value("${erp.http.download-per-person}") int downloadsPerPerson) {
        RequestBodyFilter filter = new RequestBodyFilter(max.toBytes(), upload.toBytes(), uploadPaths, uploadConcurrency,
                ContractRoutes.requestMediaTypes(contract));
        if (!downloadPaths.isBlank()) {
            filter.withDownloads(java.util.regex.Pattern.compile(downloadPaths), downloadConcurrency, downloadsPerPerson);
        }
        FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(ContractRoutes.basePath(contract) + "/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /**
     * OPTIONS answered from the contract and HEAD served as a GET without its body ({@link ContractMethodsFilter});
     * after Spring Security, as every request to the API (a same-origin UI has no CORS preflight to let through).
     */
    @Bean
    @ConditionalOnBean(ServiceContract.class)
    FilterRegistrationBean<ContractMethodsFilter> erpContractMethodsFilter(@Qualifier(ContractRoutes.CONTRACT_BEAN) String contract) {
        String base = ContractRoutes.basePath(contract);
        FilterRegistrationBean<ContractMethodsFilter> registration = new FilterRegistrationBean<>(
                new ContractMethodsFilter(base, ContractRoutes.pathMethods(contract)));
        registration.addUrlPatterns(base + "/*");
        // before the body and download limits, which then see a HEAD as the GET it becomes
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class TomcatErrors {

        /** What Tomcat refuses before any servlet runs is a problem too ({@link ProblemReportValve}). */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> erpProblemReportValve() {
            return new ProblemReportValveCustomizer();
        }
    }

    /**
     * Last, after Spring Boot's customizer has added its own error report valve (which this one replaces). And
     * "100 Continue" only once the application reads the body: a client that asks first (curl does for large
     * bodies) does not send a body that is refused unread (401, 413, 415).
     */
    static final class ProblemReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> ProblemReportValve.install(context.getParent()));
            factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
