package io.kycflow.cabinet.internal;

import io.kycflow.shared.QrSvg;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member's own two-factor sign-in: enrol an authenticator (a fresh secret as a QR code and as text; on only once a
 * code from it is right; then ten recovery codes, shown once) and turn it off (password and a code). A member whose
 * organization requires two-factor lands here after the password and reaches nothing else until enrolled.
 */
@Controller
class TwoFactorController {

    static final String ISSUER = "kycflow";
    /** The secret being enrolled lives in the HTTP session until a code confirms it: a reload shows the same QR. */
    private static final String PENDING_SECRET = TwoFactorController.class.getName() + ".pendingSecret";

    private final TwoFactor twoFactor;
    private final Members members;
    private final CabinetSettings settings;
    private final SignIns signIns;
    private final AuditLog audit;

    TwoFactorController(TwoFactor twoFactor, Members members, CabinetSettings settings, SignIns signIns, AuditLog audit) {
        this.twoFactor = twoFactor;
        this.members = members;
        this.settings = settings;
        this.signIns = signIns;
        this.audit = audit;
    }

    @GetMapping(SignIns.ENROLMENT_PAGE)
    String page(@AuthenticationPrincipal CabinetUser me, Model model, HttpServletRequest request) {
        var member = members.find(me.id()).orElseThrow();
        model.addAttribute("required", settings.twoFactorRequired(member.organizationId()));
        if (member.twoFactor()) {
            model.addAttribute("enabled", true);
            model.addAttribute("recoveryLeft", twoFactor.unusedRecoveryCodes(member.id()));
            return "cabinet/two-factor";
        }
        var session = request.getSession();
        var secret = (byte[]) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("enabled", false);
        model.addAttribute("qr", QrSvg.of(Totp.uri(ISSUER, member.email(), secret)));
        model.addAttribute("secret", Base32.grouped(Base32.encode(secret)));
        return "cabinet/two-factor";
    }

    @PostMapping(SignIns.ENROLMENT_PAGE)
    String enrol(@AuthenticationPrincipal CabinetUser me, @RequestParam(defaultValue = "") String code, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        var member = members.find(me.id()).orElseThrow();
        var secret = (byte[]) request.getSession().getAttribute(PENDING_SECRET);
        if (member.twoFactor() || secret == null) {
            return "redirect:" + SignIns.ENROLMENT_PAGE;
        }
        var codes = twoFactor.enrol(member.id(), secret, code);
        if (codes.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("problem", "That code is not right. Type the 6-digit code your authenticator app shows "
                    + "now; if it keeps failing, check that your phone's clock is set automatically.");
            return page(me, model, request);
        }
        request.getSession().removeAttribute(PENDING_SECRET);
        audit.record(member.organizationId(), member.email(), "two_factor_enrolled", member.id().toString(), null, request);
        if (SignIns.partway(SecurityContextHolder.getContext().getAuthentication(), SignIns.ENROLMENT)) {
            signIns.complete(new CabinetUser(member, Members.now()), request, response);
            model.addAttribute("me", CabinetWeb.Layout.me(SecurityContextHolder.getContext().getAuthentication()));
        }
        model.addAttribute("enabled", true);
        model.addAttribute("codes", codes);
        model.addAttribute("required", settings.twoFactorRequired(member.organizationId()));
        return "cabinet/two-factor";
    }

    @PostMapping("/cabinet/account/two-factor/disable")
    String disable(@AuthenticationPrincipal CabinetUser me, @RequestParam(defaultValue = "") String password,
                   @RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        var member = members.find(me.id()).orElseThrow();
        if (!member.twoFactor()) {
            return "redirect:" + SignIns.ENROLMENT_PAGE;
        }
        String problem = null;
        if (settings.twoFactorRequired(member.organizationId())) {
            problem = "Your organization requires two-factor sign-in, so it stays on.";
        } else if (!members.passwordMatches(member, password)) {
            problem = "That password is not right. Two-factor sign-in stays on.";
        } else if (twoFactor.verify(member.id(), code) == TwoFactor.Proof.WRONG) {
            problem = "That code is not right, or was already used. Two-factor sign-in stays on.";
        }
        if (problem != null) {
            audit.record(member.organizationId(), member.email(), "two_factor_disable_refused", member.id().toString(), null, request);
            response.setStatus(400);
            model.addAttribute("problem", problem);
            return page(me, model, request);
        }
        twoFactor.disable(member.id());
        audit.record(member.organizationId(), member.email(), "two_factor_disabled", member.id().toString(), null, request);
        model.addAttribute("notice", "Two-factor sign-in is off. You sign in with your password alone.");
        return page(me, model, request);
    }
}
