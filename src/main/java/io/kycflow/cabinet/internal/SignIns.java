package io.kycflow.cabinet.internal;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * The states of a Cabinet sign-in and the moves between them. After the password a member is either signed in (their
 * role's authority) or only part-way: {@link #SECOND_STEP} (a code is due) or {@link #ENROLMENT} (their organization
 * requires two-factor and they have none yet). A part-way authentication holds no role, so the route table grants
 * it only the routes named for that state ({@link Route#secondStep}, {@link Route#enrolment}); the principal is the
 * member all the same, so "log out everywhere" and removal end these sessions too. Every completed sign-in gets a
 * fresh session id.
 */
@Component
class SignIns {

    static final String SECOND_STEP = "TWO_FACTOR_PENDING";
    static final String ENROLMENT = "TWO_FACTOR_ENROLMENT";
    static final String SECOND_STEP_PAGE = "/cabinet/login/two-factor";
    static final String ENROLMENT_PAGE = "/cabinet/account/two-factor";
    private static final String SECOND_STEP_SINCE = SignIns.class.getName() + ".secondStepSince";

    private final SessionRegistry sessions;
    private final CabinetSettings settings;
    private final CabinetProperties properties;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final CsrfAuthenticationStrategy csrf = new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository());

    SignIns(SessionRegistry sessions, CabinetSettings settings, CabinetProperties properties) {
        this.sessions = sessions;
        this.settings = settings;
        this.properties = properties;
    }

    /**
     * After a right password (the form's, whose filter already changed the session id, or an accepted invitation's):
     * where the member goes next. Null: fully signed in, continue as usual.
     */
    @Nullable String afterPassword(Member member, HttpServletRequest request, HttpServletResponse response) {
        var user = new CabinetUser(member, Members.now());
        if (member.twoFactor()) {
            store(partial(user, SECOND_STEP), request, response);
            request.getSession().setAttribute(SECOND_STEP_SINCE, Instant.now());
            return SECOND_STEP_PAGE;
        }
        if (settings.twoFactorRequired(member.organizationId())) {
            store(partial(user, ENROLMENT), request, response);
            return ENROLMENT_PAGE;
        }
        store(full(user), request, response);
        return null;
    }

    /** Whether the second step begun in this session is still open (it expires: {@code second-step-ttl}). */
    boolean secondStepOpen(HttpServletRequest request) {
        var session = request.getSession(false);
        var since = session == null ? null : (Instant) session.getAttribute(SECOND_STEP_SINCE);
        return since != null && since.plus(properties.secondStepTtl()).isAfter(Instant.now());
    }

    /**
     * The sign-in is complete (second factor given, or enrolment done): a new session id and a new CSRF token, as
     * Spring Security gives a form sign-in, and the member's role.
     */
    void complete(CabinetUser user, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId(); // the registry follows the new id (HttpSessionEventPublisher)
        request.getSession().removeAttribute(SECOND_STEP_SINCE);
        var authentication = full(user);
        store(authentication, request, response);
        csrf.onAuthentication(authentication, request, response);
    }

    /** Ends every session of {@code member} at its next request (removal, role change, log out everywhere). */
    void endSessionsOf(Member member) {
        sessions.getAllSessions(new CabinetUser(member, Members.now()), false).forEach(s -> s.expireNow());
    }

    static boolean partway(@Nullable Authentication authentication, String state) {
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> state.equals(a.getAuthority()));
    }

    static boolean fullySignedIn(@Nullable Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CabinetUser
                && !partway(authentication, SECOND_STEP) && !partway(authentication, ENROLMENT);
    }

    private static Authentication full(CabinetUser user) {
        user.eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private static Authentication partial(CabinetUser user, String state) {
        user.eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(new SimpleGrantedAuthority(state)));
    }

    private void store(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // (again) under this member: replaces whatever the id was registered under
        sessions.registerNewSession(request.getSession().getId(), authentication.getPrincipal());
    }
}
