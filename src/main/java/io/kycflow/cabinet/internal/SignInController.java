package io.kycflow.cabinet.internal;

import io.kycflow.shared.KycException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (Spring Security handles its POST) and the invitation page that sets a first password. */
@Controller
class SignInController {

    private final Invitations invitations;
    private final SignIns signIns;
    private final AuditLog audit;

    SignInController(Invitations invitations, SignIns signIns, AuditLog audit) {
        this.invitations = invitations;
        this.signIns = signIns;
        this.audit = audit;
    }

    @GetMapping(Routes.LOGIN)
    String login() {
        return "cabinet/login";
    }

    @GetMapping("/cabinet/invitations/{token}")
    String invitation(@PathVariable String token, Model model, HttpServletResponse response) {
        var pending = invitations.open(token);
        if (pending.isEmpty()) {
            response.setStatus(404);
            return "cabinet/invitation-gone";
        }
        model.addAttribute("email", pending.get().email());
        model.addAttribute("role", pending.get().role());
        model.addAttribute("token", token);
        return "cabinet/invitation";
    }

    @PostMapping("/cabinet/invitations/{token}")
    String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String confirmation, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        var pending = invitations.open(token);
        if (pending.isEmpty()) {
            response.setStatus(404);
            return "cabinet/invitation-gone";
        }
        model.addAttribute("email", pending.get().email());
        model.addAttribute("role", pending.get().role());
        model.addAttribute("token", token);
        if (!password.equals(confirmation)) {
            response.setStatus(400);
            model.addAttribute("problem", "The two passwords differ. Type the same password twice.");
            return "cabinet/invitation";
        }
        Member member;
        try {
            member = invitations.accept(token, password);
        } catch (KycException e) {
            response.setStatus(e.kind() == KycException.Kind.INVALID ? 400 : 409);
            model.addAttribute("problem", e.getMessage());
            return "cabinet/invitation";
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // as a form sign-in does: no fixation
        }
        var next = signIns.afterPassword(member, request, response); // a new member has no authenticator yet
        audit.record(member.organizationId(), member.email(), "invitation_accepted", member.id().toString(),
                "role " + member.role(), request);
        return "redirect:" + (next == null ? "/cabinet/" : next);
    }
}
