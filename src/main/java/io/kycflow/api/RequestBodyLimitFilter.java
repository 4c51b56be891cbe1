package io.kycflow.api;

import java.io.IOException;

import io.kycflow.shared.CachedBodyRequest;
import io.kycflow.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON API bodies are small; anything over the limit is refused with 413 before it is parsed, whether it
 * announces its length or arrives chunked (a chunked body is read up to the limit and replayed). The Backend
 * Integration API's direct checks ({@code /api/v1/backend/}) take images: the multipart limits bound them instead,
 * as they do the captures.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final int limit;

    RequestBodyLimitFilter(int limit) {
        this.limit = limit;
    }

    static final String BACKEND_API = "/api/v1/backend/";

    /** The Backend Integration API takes images: its multipart limits apply instead (10 MB a part, 64 MB a request). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the container's decoded, normalized path: a raw URI such as /api/v1/backend/..;/flows/… must not slip past
        return request.getServletPath().startsWith(BACKEND_API);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response);
            return;
        }
        if (declared >= 0 || "GET".equals(request.getMethod())) {
            chain.doFilter(request, response); // a declared length is enforced by the container: nothing more arrives
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close"); // do not read the rest of a huge body
        Problems.write(response, 413, "Content Too Large", "payload_too_large",
                "The request body is larger than " + limit + " bytes.");
    }

    /** @param maxBody the largest JSON body accepted under {@code /api/} */
    @ConfigurationProperties("kycflow.api")
    record ApiProperties(@DefaultValue("64KB") DataSize maxBody) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiProperties properties) {
            var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter((int) properties.maxBody().toBytes()));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(5);
            return registration;
        }
    }
}
