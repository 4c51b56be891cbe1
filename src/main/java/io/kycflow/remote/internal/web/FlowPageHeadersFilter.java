package io.kycflow.remote.internal.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of everything under {@code /flow/}: the page, its scripts and styles, and the JSON it calls.
 * Scripts only from our own origin (no inline script, no {@code eval}), no third-party request of any kind, no
 * framing ({@code frame-ancestors 'none'}: the Flow Widget will name the origins a flow allows), no referrer leaving
 * the page (the session id is in its URL), the camera for our own origin only, HSTS when the request came over TLS.
 * The page itself replaces {@code frame-ancestors 'none'} with the origins its flow lists in
 * {@code widget_allowed_origins} ({@link #csp}); no {@code X-Frame-Options} is sent, so nothing contradicts it.
 */
class FlowPageHeadersFilter extends OncePerRequestFilter {

    static final String CSP = csp(java.util.List.of());
    static final String PERMISSIONS = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";

    /** The policy with {@code frame-ancestors} naming exactly these (already validated, normalized) origins, or 'none'. */
    static String csp(java.util.List<String> frameAncestors) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "media-src 'self' blob:; connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; "
                + "base-uri 'none'; frame-ancestors " + (frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", PERMISSIONS);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
