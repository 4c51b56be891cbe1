package io.kycflow.cabinet.internal;

import io.kycflow.organization.OrganizationService;
import io.kycflow.technology.ConfigLabels;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The technologies the organization subscribes to, as their providers declare them: description, config fields with
 * defaults (labelled in the page's language), result fields, failure codes, and whether MCP may create flows with them.
 */
@Controller
class TechnologyPage {

    private final OrganizationService organizations;
    private final ConfigLabels labels;

    TechnologyPage(OrganizationService organizations, ConfigLabels labels) {
        this.organizations = organizations;
        this.labels = labels;
    }

    @GetMapping("/cabinet/technologies")
    String list(@AuthenticationPrincipal CabinetUser me, Model model, HttpServletRequest request) {
        model.addAttribute("technologies", organizations.subscriptions(me.organizationId()));
        model.addAttribute("labels", labels);
        model.addAttribute("locale", CabinetLocales.of(request));
        return "cabinet/technologies";
    }
}
