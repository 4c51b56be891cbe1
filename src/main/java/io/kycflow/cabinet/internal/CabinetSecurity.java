package io.kycflow.cabinet.internal;

import java.io.IOException;
import java.util.ArrayList;

import io.kycflow.cabinet.CabinetRole;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Spring Security for the Cabinet only. Its filter is registered for {@code /cabinet/*} alone (Spring Boot's own
 * registration, for every path, is excluded in application.yml): the REST, MCP, hosted-flow and media endpoints keep
 * their own filters and never see a security session, a CSRF check, a login redirect or Security's headers.
 */
@Configuration(proxyBeanMethods = false)
class CabinetSecurity {

    /** As on the hosted page: our own scripts and styles only, nothing framed, no referrer, no third party. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * Argon2id with Spring Security 5.8 defaults (16 MiB, 2 passes, 1 lane): one verification took 42 ms at best and
     * 94 ms at the median on this 2-core machine under load (2026-12, 40 runs). Sign-in is throttled before it.
     */
    @Bean
    PasswordEncoder cabinetPasswordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    UserDetailsService cabinetUsers(Members members) {
        return email -> members.findByEmail(email).map(member -> new CabinetUser(member, Members.now()))
                .orElseThrow(() -> new UsernameNotFoundException("no such member"));
    }

    @Bean
    SessionRegistry cabinetSessions() {
        return new SessionRegistryImpl();
    }

    /** Only where there is a servlet web server (contexts without one, e.g. persistence tests, have no HttpSecurity). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        DelegatingFilterProxyRegistrationBean cabinetSecurityFilter() {
            var registration = new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
            registration.addUrlPatterns("/cabinet/*", "/cabinet");
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
            registration.setOrder(-100);
            return registration;
        }

        /** Tells the registry when a session ends, so "log out everywhere" does not hold on to dead ones. */
        @Bean
        ServletListenerRegistrationBean<HttpSessionEventPublisher> cabinetSessionEvents() {
            return new ServletListenerRegistrationBean<>(new HttpSessionEventPublisher());
        }

        @Bean
        SecurityFilterChain cabinetFilterChain(HttpSecurity http, LoginGuard guard, SessionRegistry sessions) throws Exception {
            http.securityMatcher("/cabinet/**", "/cabinet")
                    .authorizeHttpRequests(rules -> {
                        for (var route : Routes.ALL) {
                            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl rule =
                                    rules.requestMatchers(route.method(), route.pattern());
                            if (route.isOpen()) {
                                rule.permitAll();
                            } else {
                                rule.hasAnyAuthority(authorities(route));
                            }
                        }
                        rules.anyRequest().denyAll();
                    })
                    .formLogin(form -> form.loginPage(Routes.LOGIN).loginProcessingUrl(Routes.LOGIN)
                            .usernameParameter("username").passwordParameter("password")
                            .successHandler(guard.onSuccess()).failureHandler(guard.onFailure()).permitAll())
                    .logout(logout -> logout.logoutUrl("/cabinet/logout").logoutSuccessUrl(Routes.LOGIN + "?logout")
                            .invalidateHttpSession(true).deleteCookies("KYCFLOW_CABINET"))
                    .sessionManagement(session -> session
                            .sessionFixation(fixation -> fixation.changeSessionId())
                            .maximumSessions(-1).sessionRegistry(sessions).expiredUrl(Routes.LOGIN + "?expired"))
                    .addFilterBefore(guard.throttle(), UsernamePasswordAuthenticationFilter.class)
                    .exceptionHandling(errors -> errors.accessDeniedHandler(CabinetSecurity::denied))
                    .headers(headers -> headers
                            .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                            .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                    "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                            .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Resource-Policy", "same-origin")));
            return http.build();
        }
    }

    /** The role authorities of a route's least role and above, and the part-way state that may use it too. */
    private static String[] authorities(Route route) {
        var granted = new ArrayList<String>();
        if (route.minimum() != null) {
            for (var role : CabinetRole.satisfying(route.minimum())) {
                granted.add("ROLE_" + role);
            }
        }
        if (route.partway() != null) {
            granted.add(route.partway());
        }
        return granted.toArray(String[]::new);
    }

    /** A member part-way through signing in is sent to the step they owe; anyone else gets 403. */
    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(denied instanceof CsrfException)) {
            if (SignIns.partway(authentication, SignIns.SECOND_STEP)) {
                response.sendRedirect(SignIns.SECOND_STEP_PAGE);
                return;
            }
            if (SignIns.partway(authentication, SignIns.ENROLMENT)) {
                response.sendRedirect(SignIns.ENROLMENT_PAGE);
                return;
            }
        }
        forbidden(response);
    }

    private static void forbidden(HttpServletResponse response) throws IOException {
        response.setStatus(403);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!doctype html><html lang=\"en\"><title>Not allowed</title><h1>Not allowed</h1>"
                + "<p>Your role does not include this page or action. <a href=\"/cabinet/\">Back to the overview</a>.</p></html>");
    }
}
