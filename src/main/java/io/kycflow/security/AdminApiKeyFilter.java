package io.kycflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.kycflow.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /api/v1/admin/*} with the operator's admin key ({@code Authorization: Bearer} or
 * {@code X-Admin-API-Key}), compared in constant time. Without a configured key the admin API stays closed.
 */
class AdminApiKeyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminApiKeyFilter.class);
    private static final int MIN_RECOMMENDED_LENGTH = 24;

    private final byte @Nullable [] expected;

    AdminApiKeyFilter(AdminProperties properties) {
        var key = properties.adminApiKey();
        this.expected = key == null || key.isBlank() ? null : key.strip().getBytes(StandardCharsets.UTF_8);
        if (expected == null) {
            log.info("Admin API disabled: set KYCFLOW_ADMIN_API_KEY to enable /api/v1/admin/");
        } else if (expected.length < MIN_RECOMMENDED_LENGTH) {
            log.warn("KYCFLOW_ADMIN_API_KEY is shorter than {} characters; use a long random value", MIN_RECOMMENDED_LENGTH);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expected == null) {
            Problems.write(response, 401, "Unauthorized", "admin_api_disabled",
                    "The admin API is disabled on this server; the operator enables it by setting KYCFLOW_ADMIN_API_KEY.");
            return;
        }
        var presented = presentedKey(request);
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"kycflow-admin\"");
            Problems.write(response, 401, "Unauthorized", "invalid_admin_key",
                    "A valid admin key is required: send Authorization: Bearer <admin key> or X-Admin-API-Key.");
            return;
        }
        chain.doFilter(request, response);
    }

    static @Nullable String presentedKey(HttpServletRequest request) {
        var header = request.getHeader("X-Admin-API-Key");
        if (header != null) {
            return header.strip();
        }
        var authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<AdminApiKeyFilter> adminApiKeyFilter(AdminProperties properties) {
            var registration = new FilterRegistrationBean<>(new AdminApiKeyFilter(properties));
            registration.addUrlPatterns("/api/v1/admin/*");
            registration.setOrder(10);
            return registration;
        }
    }
}
