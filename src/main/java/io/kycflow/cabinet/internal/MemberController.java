package io.kycflow.cabinet.internal;

import java.util.UUID;

import io.kycflow.cabinet.CabinetRole;
import io.kycflow.organization.OrganizationService;
import io.kycflow.shared.KycException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Members and invitations (owners only): invite (e-mailed when SMTP is configured, else the link is shown once to the
 * inviting owner), revoke an invitation, change a role, remove a member, and require two-factor sign-in. A member
 * whose role changes or who is removed is signed out everywhere at once.
 */
@Controller
class MemberController {

    private final Members members;
    private final Membership membership;
    private final Invitations invitations;
    private final InvitationMail mail;
    private final OrganizationService organizations;
    private final CabinetSettings settings;
    private final SignIns signIns;
    private final AuditLog audit;

    MemberController(Members members, Membership membership, Invitations invitations, InvitationMail mail,
                     OrganizationService organizations, CabinetSettings settings, SignIns signIns, AuditLog audit) {
        this.members = members;
        this.membership = membership;
        this.invitations = invitations;
        this.mail = mail;
        this.organizations = organizations;
        this.settings = settings;
        this.signIns = signIns;
        this.audit = audit;
    }

    @GetMapping("/cabinet/members")
    String page(@AuthenticationPrincipal CabinetUser me, Model model) {
        model.addAttribute("members", members.ofOrganization(me.organizationId()));
        model.addAttribute("invitations", invitations.ofOrganization(me.organizationId()));
        model.addAttribute("roles", CabinetRole.values());
        model.addAttribute("myId", me.id());
        model.addAttribute("twoFactorRequired", settings.twoFactorRequired(me.organizationId()));
        return "cabinet/members";
    }

    @PostMapping("/cabinet/members/invitations")
    String invite(@AuthenticationPrincipal CabinetUser me, @RequestParam(defaultValue = "") String email,
                  @RequestParam(name = "role", defaultValue = "VIEWER") String roleName, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        try {
            var role = parsedRole(roleName);
            var invitation = invitations.invite(me.organizationId(), email, role, me.email());
            var address = Members.normalized(email);
            var sent = mail.send(address, invitation, role, organizations.get(me.organizationId()).name());
            audit.record(me.organizationId(), me.email(), "invitation", null, "role " + role + ", "
                    + (sent == InvitationMail.Outcome.SENT ? "e-mailed" : "link shown"), request);
            model.addAttribute("invitedEmail", address);
            model.addAttribute("mailed", sent.name());
            if (sent != InvitationMail.Outcome.SENT) {
                model.addAttribute("invitation", invitation);
            }
        } catch (KycException e) {
            response.setStatus(e.kind() == KycException.Kind.CONFLICT ? 409 : 400);
            model.addAttribute("problem", e.getMessage());
        }
        return page(me, model);
    }

    @PostMapping("/cabinet/members/invitations/revoke")
    String revoke(@AuthenticationPrincipal CabinetUser me, @RequestParam(defaultValue = "") String invitation, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        try {
            var email = invitations.revoke(me.organizationId(), invitation);
            audit.record(me.organizationId(), me.email(), "invitation_revoked", null, null, request);
            flash.addFlashAttribute("notice", "The invitation for " + email + " was revoked: its link no longer works.");
            return "redirect:/cabinet/members";
        } catch (KycException e) {
            return refused(me, e, model, response);
        }
    }

    @PostMapping("/cabinet/members/{id}/role")
    String role(@AuthenticationPrincipal CabinetUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String role,
                Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        try {
            var to = parsedRole(role);
            var before = membership.changeRole(me.organizationId(), id, to);
            if (before.role() != to) {
                signIns.endSessionsOf(before);
                audit.record(me.organizationId(), me.email(), "role_change", id.toString(), before.role() + " to " + to, request);
            }
            flash.addFlashAttribute("notice", before.email() + " is now " + to + ". They were signed out everywhere.");
            return "redirect:/cabinet/members";
        } catch (KycException e) {
            return refused(me, e, model, response);
        }
    }

    @PostMapping("/cabinet/members/{id}/remove")
    String remove(@AuthenticationPrincipal CabinetUser me, @PathVariable UUID id, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes flash) {
        try {
            var removed = membership.remove(me.organizationId(), id);
            signIns.endSessionsOf(removed);
            audit.record(me.organizationId(), me.email(), "member_removed", id.toString(), "was " + removed.role(), request);
            flash.addFlashAttribute("notice", removed.email() + " was removed and signed out everywhere.");
            return "redirect:/cabinet/members";
        } catch (KycException e) {
            return refused(me, e, model, response);
        }
    }

    /** The members page again, with what was refused and a 4xx; nothing changed. */
    private String refused(CabinetUser me, KycException e, Model model, HttpServletResponse response) {
        response.setStatus(switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            default -> 400;
        });
        model.addAttribute("problem", e.getMessage());
        return page(me, model);
    }

    private static CabinetRole parsedRole(String role) {
        try {
            return CabinetRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw KycException.invalid("role", "Choose one of the roles OWNER, ADMIN, REVIEWER or VIEWER.");
        }
    }

    @PostMapping("/cabinet/members/two-factor-required")
    String requireTwoFactor(@AuthenticationPrincipal CabinetUser me, @RequestParam(defaultValue = "") String required,
                            HttpServletRequest request, RedirectAttributes flash) {
        var on = "true".equals(required);
        if (on && !members.find(me.id()).map(Member::twoFactor).orElse(false)) {
            flash.addFlashAttribute("problem", "Turn on two-factor sign-in for yourself first (Two-factor sign-in, at the top).");
            return "redirect:/cabinet/members";
        }
        settings.requireTwoFactor(me.organizationId(), on);
        audit.record(me.organizationId(), me.email(), on ? "two_factor_required_on" : "two_factor_required_off", null, null, request);
        flash.addFlashAttribute("notice", on ? "Two-factor sign-in is now required: members without it set it up at their next sign-in."
                : "Two-factor sign-in is no longer required.");
        return "redirect:/cabinet/members";
    }
}
