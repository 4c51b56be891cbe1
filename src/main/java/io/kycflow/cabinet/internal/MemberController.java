package io.kycflow.cabinet.internal;

import io.kycflow.cabinet.CabinetRole;
import io.kycflow.shared.KycException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Members and invitations (owners only). Without SMTP the new link is shown once, to the inviting owner. */
@Controller
class MemberController {

    private final Members members;
    private final Invitations invitations;
    private final AuditLog audit;

    MemberController(Members members, Invitations invitations, AuditLog audit) {
        this.members = members;
        this.invitations = invitations;
        this.audit = audit;
    }

    @GetMapping("/cabinet/members")
    String page(@AuthenticationPrincipal CabinetUser me, Model model) {
        model.addAttribute("members", members.ofOrganization(me.organizationId()));
        model.addAttribute("invitations", invitations.ofOrganization(me.organizationId()));
        model.addAttribute("roles", CabinetRole.values());
        return "cabinet/members";
    }

    @PostMapping("/cabinet/members/invitations")
    String invite(@AuthenticationPrincipal CabinetUser me, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "VIEWER") CabinetRole role, Model model, HttpServletRequest request) {
        try {
            var invitation = invitations.invite(me.organizationId(), email, role, me.email());
            audit.record(me.organizationId(), me.email(), "invitation", null, "role " + role, request);
            model.addAttribute("invitation", invitation);
        } catch (KycException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return page(me, model);
    }
}
