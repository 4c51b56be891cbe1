package io.kycflow.cabinet.internal;

import io.kycflow.organization.OrganizationService;
import io.kycflow.security.ApiKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's API key: shown only after the member types their password again, rotated only with the
 * password and an explicit confirmation. Rotation is the organization service's, which drops its key caches, so the
 * old key stops working for REST and MCP at once.
 */
@Controller
class KeyController {

    private final OrganizationService organizations;
    private final Reauthentication reauthentication;
    private final AuditLog audit;

    KeyController(OrganizationService organizations, Reauthentication reauthentication, AuditLog audit) {
        this.organizations = organizations;
        this.reauthentication = reauthentication;
        this.audit = audit;
    }

    @GetMapping("/cabinet/api-key")
    String page(@AuthenticationPrincipal CabinetUser me, Model model) {
        model.addAttribute("organization", organizations.get(me.organizationId()));
        return "cabinet/api-key";
    }

    @PostMapping("/cabinet/api-key/reveal")
    String reveal(@AuthenticationPrincipal CabinetUser me, @RequestParam(defaultValue = "") String password, Model model,
                  HttpServletRequest request) {
        model.addAttribute("organization", organizations.get(me.organizationId()));
        if (!passwordOk(me, password)) {
            audit.record(me.organizationId(), me.email(), "key_reveal_refused", null, "wrong password", request);
            model.addAttribute("problem", "That password is not right. The key stays hidden.");
            return "cabinet/api-key";
        }
        var key = organizations.apiKey(me.organizationId());
        audit.record(me.organizationId(), me.email(), "key_reveal", null, "key " + ApiKeys.fingerprint(key), request);
        model.addAttribute("apiKey", key);
        return "cabinet/api-key";
    }

    @PostMapping("/cabinet/api-key/rotate")
    String rotate(@AuthenticationPrincipal CabinetUser me, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String confirm, Model model, HttpServletRequest request) {
        model.addAttribute("organization", organizations.get(me.organizationId()));
        if (!"ROTATE".equals(confirm.strip())) {
            model.addAttribute("problem", "Type ROTATE to confirm: the current key stops working at once.");
            return "cabinet/api-key";
        }
        if (!passwordOk(me, password)) {
            audit.record(me.organizationId(), me.email(), "key_rotation_refused", null, "wrong password", request);
            model.addAttribute("problem", "That password is not right. The key was not rotated.");
            return "cabinet/api-key";
        }
        var key = organizations.rotateKey(me.organizationId());
        audit.record(me.organizationId(), me.email(), "key_rotation", null, "new key " + ApiKeys.fingerprint(key), request);
        model.addAttribute("apiKey", key);
        model.addAttribute("notice", "A new key was issued; the previous one no longer works. Update your integration.");
        return "cabinet/api-key";
    }

    private boolean passwordOk(CabinetUser me, String password) {
        return reauthentication.confirms(me, password);
    }
}
