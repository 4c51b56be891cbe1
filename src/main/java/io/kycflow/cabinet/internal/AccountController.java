package io.kycflow.cabinet.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/** "Log out everywhere": every session of the member ends, this one included. */
@Controller
class AccountController {

    private final SessionRegistry sessions;
    private final AuditLog audit;

    AccountController(SessionRegistry sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @PostMapping("/cabinet/account/logout-everywhere")
    String logoutEverywhere(@AuthenticationPrincipal CabinetUser me, HttpServletRequest request, HttpServletResponse response) {
        sessions.getAllSessions(me, false).forEach(SessionInformation::expireNow);
        audit.record(me.organizationId(), me.email(), "logout_everywhere", null, null, request);
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/cabinet/login?logout";
    }
}
