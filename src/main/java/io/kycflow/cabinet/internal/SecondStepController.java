package io.kycflow.cabinet.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in, for a member with an authenticator: an authenticator code or a recovery code.
 * Wrong codes count toward the password lockout; the step closes after {@code second-step-ttl}. Only a member whose
 * password was just right reaches it ({@link Route#secondStep}).
 */
@Controller
class SecondStepController {

    private final SignIns signIns;
    private final TwoFactor twoFactor;
    private final Members members;
    private final LoginGuard guard;
    private final AuditLog audit;
    private final SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();

    SecondStepController(SignIns signIns, TwoFactor twoFactor, Members members, LoginGuard guard, AuditLog audit) {
        this.signIns = signIns;
        this.twoFactor = twoFactor;
        this.members = members;
        this.guard = guard;
        this.audit = audit;
        onward.setDefaultTargetUrl("/cabinet/");
    }

    @GetMapping(SignIns.SECOND_STEP_PAGE)
    String page(HttpServletRequest request, HttpServletResponse response) {
        if (!signIns.secondStepOpen(request)) {
            return startAgain(request, response, "timeout");
        }
        return "cabinet/login-two-factor";
    }

    @PostMapping(SignIns.SECOND_STEP_PAGE)
    @Nullable String code(@AuthenticationPrincipal CabinetUser me, @RequestParam(defaultValue = "") String code, Model model,
                          HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!signIns.secondStepOpen(request)) {
            return startAgain(request, response, "timeout");
        }
        var member = members.find(me.id()).orElse(null);
        if (member == null || guard.locked(member)) {
            return startAgain(request, response, "error");
        }
        var proof = twoFactor.verify(member.id(), code);
        if (proof == TwoFactor.Proof.WRONG) {
            if (guard.secondFactorFailed(member, request)) {
                return startAgain(request, response, "error");
            }
            response.setStatus(400);
            model.addAttribute("problem", "That code is not right, or was already used. Type the current code from your "
                    + "authenticator app, or one of your recovery codes.");
            return "cabinet/login-two-factor";
        }
        guard.secondFactorPassed(member);
        signIns.complete(new CabinetUser(member, Members.now()), request, response);
        if (proof == TwoFactor.Proof.RECOVERY_CODE) {
            audit.record(member.organizationId(), member.email(), "sign_in", null, "with a recovery code", request);
            audit.record(member.organizationId(), member.email(), "recovery_code_used", member.id().toString(),
                    twoFactor.unusedRecoveryCodes(member.id()) + " left", request);
        } else {
            audit.record(member.organizationId(), member.email(), "sign_in", null, "with an authenticator code", request);
        }
        onward.onAuthenticationSuccess(request, response, SecurityContextHolder.getContext().getAuthentication());
        return null; // the response is the redirect onward (to the page first asked for, or the overview)
    }

    /** Ends the part-way sign-in; the member starts again at the password. */
    private static String startAgain(HttpServletRequest request, HttpServletResponse response, String why) {
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:" + Routes.LOGIN + "?" + why;
    }
}
