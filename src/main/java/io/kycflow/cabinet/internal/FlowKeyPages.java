package io.kycflow.cabinet.internal;

import java.util.UUID;

import io.kycflow.flow.FlowService;
import io.kycflow.security.ApiKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A flow's API key, as the organization's key page does it: shown only after the member types their password again,
 * rotated only with the password and ROTATE typed. Rotation is FlowService's, which drops its key cache, so the old
 * key stops working on the runtime API at once. Audited either way; the log holds the key's fingerprint, never the key.
 */
@Controller
class FlowKeyPages {

    private final FlowService flows;
    private final FlowPages pages;
    private final Reauthentication reauthentication;
    private final AuditLog audit;

    FlowKeyPages(FlowService flows, FlowPages pages, Reauthentication reauthentication, AuditLog audit) {
        this.flows = flows;
        this.pages = pages;
        this.reauthentication = reauthentication;
        this.audit = audit;
    }

    @PostMapping("/cabinet/flows/{id}/key/reveal")
    ModelAndView reveal(@AuthenticationPrincipal CabinetUser me, @PathVariable UUID id,
                        @RequestParam(defaultValue = "") String password, Model model, HttpServletRequest request) {
        var view = pages.describe(me, id, model, request); // 404 for another organization's flow, before anything else
        if (!reauthentication.confirms(me, password)) {
            audit.record(me.organizationId(), me.email(), "flow_key_reveal_refused", id.toString(), "wrong password", request);
            return problem(view, "That password is not right. The key stays hidden.");
        }
        var key = flows.apiKey(me.organizationId(), id);
        audit.record(me.organizationId(), me.email(), "flow_key_reveal", id.toString(), "key " + ApiKeys.fingerprint(key), request);
        model.addAttribute("flowKey", key);
        model.addAttribute("snippet", pages.snippet(flows.get(me.organizationId(), id), key));
        return new ModelAndView(view);
    }

    @PostMapping("/cabinet/flows/{id}/key/rotate")
    ModelAndView rotate(@AuthenticationPrincipal CabinetUser me, @PathVariable UUID id,
                        @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm,
                        Model model, HttpServletRequest request) {
        var view = pages.describe(me, id, model, request);
        if (!"ROTATE".equals(confirm.strip())) {
            return problem(view, "Type ROTATE to confirm: the flow's current key stops working at once.");
        }
        if (!reauthentication.confirms(me, password)) {
            audit.record(me.organizationId(), me.email(), "flow_key_rotation_refused", id.toString(), "wrong password", request);
            return problem(view, "That password is not right. The key was not rotated.");
        }
        var key = flows.rotateApiKey(me.organizationId(), id);
        audit.record(me.organizationId(), me.email(), "flow_key_rotation", id.toString(), "new key " + ApiKeys.fingerprint(key), request);
        model.addAttribute("flowKey", key);
        model.addAttribute("snippet", pages.snippet(flows.get(me.organizationId(), id), key));
        model.addAttribute("notice", "A new key was issued; the previous one no longer works. Update your backend.");
        return new ModelAndView(view);
    }

    private static ModelAndView problem(String view, String message) {
        var page = new ModelAndView(view);
        page.addObject("problem", message);
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
