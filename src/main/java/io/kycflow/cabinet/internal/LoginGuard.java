package io.kycflow.cabinet.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Brute-force limits of the sign-in form, both enforced before any password is hashed:
 * <ul>
 *   <li>per account: {@code max-failed-logins} (5) wrong passwords in a row lock it for {@code lock-duration} (15 min),
 *       during which even the right password is refused;</li>
 *   <li>per address: {@code max-failures-per-ip} (20) failed sign-ins within {@code ip-window} (15 min, from the first
 *       failure) and that address's further attempts get 429 until the window ends (guessing across many e-mails).</li>
 * </ul>
 * Wrong two-factor codes count toward both, like wrong passwords ({@link #secondFactorFailed}).
 * The address counts live in this process only (one instance; a cluster would share them, e.g. in Redis).
 */
@Component
class LoginGuard {

    private final Members members;
    private final AuditLog audit;
    private final CabinetProperties properties;
    private final SignIns signIns;
    private final Cache<String, AtomicInteger> failuresByIp;

    LoginGuard(Members members, AuditLog audit, CabinetProperties properties, SignIns signIns) {
        this.members = members;
        this.audit = audit;
        this.properties = properties;
        this.signIns = signIns;
        this.failuresByIp = Caffeine.newBuilder().expireAfterWrite(properties.ipWindow()).maximumSize(100_000).build();
    }

    OncePerRequestFilter throttle() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var count = failuresByIp.getIfPresent(request.getRemoteAddr());
                var uri = request.getRequestURI();
                if ("POST".equals(request.getMethod()) && (Routes.LOGIN.equals(uri) || SignIns.SECOND_STEP_PAGE.equals(uri))
                        && count != null && count.get() >= properties.maxFailuresPerIp()) {
                    response.setStatus(429);
                    response.setHeader("Retry-After", String.valueOf(properties.ipWindow().toSeconds()));
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write("<!doctype html><html lang=\"en\"><title>Too many attempts</title>"
                            + "<h1>Too many sign-in attempts</h1><p>Too many sign-ins failed from your network. "
                            + "Wait a few minutes, then <a href=\"/cabinet/login\">try again</a>.</p></html>");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    AuthenticationFailureHandler onFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            failuresByIp.asMap().computeIfAbsent(request.getRemoteAddr(), ip -> new AtomicInteger()).incrementAndGet();
            var username = String.valueOf(request.getParameter("username"));
            var member = members.findByEmail(username);
            if (member.isPresent() && !(failure instanceof LockedException)) {
                members.recordFailure(member.get().id(), properties.maxFailedLogins(),
                        Members.now().plus(properties.lockDuration()));
            }
            audit.record(member.map(Member::organizationId).orElse(null), Members.normalized(username),
                    failure instanceof LockedException ? "sign_in_locked" : "sign_in_failed", null, null, request);
            response.sendRedirect("/cabinet/login?error");
        };
    }

    AuthenticationSuccessHandler onSuccess() {
        var redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setDefaultTargetUrl("/cabinet/");
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            var user = (CabinetUser) authentication.getPrincipal();
            var member = members.find(user.id()).orElseThrow();
            var next = signIns.afterPassword(member, request, response);
            if (SignIns.SECOND_STEP_PAGE.equals(next)) {
                // the failure count is reset only once the code is right too: the password alone does not clear it
                response.sendRedirect(next);
                return;
            }
            members.recordSuccess(user.id());
            audit.record(user.organizationId(), user.email(), "sign_in", null, null, request);
            if (next != null) {
                response.sendRedirect(next);
            } else {
                redirect.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /** A wrong code at the second step: counts toward the same lockout as a wrong password. Answers: now locked. */
    boolean secondFactorFailed(Member member, HttpServletRequest request) {
        failuresByIp.asMap().computeIfAbsent(request.getRemoteAddr(), ip -> new AtomicInteger()).incrementAndGet();
        members.recordFailure(member.id(), properties.maxFailedLogins(), Members.now().plus(properties.lockDuration()));
        audit.record(member.organizationId(), member.email(), "sign_in_failed", null, "wrong second-factor code", request);
        return locked(member);
    }

    boolean locked(Member member) {
        var now = members.find(member.id()).map(Member::lockedUntil).orElse(null);
        return now != null && now.isAfter(Members.now());
    }

    void secondFactorPassed(Member member) {
        members.recordSuccess(member.id());
    }
}
