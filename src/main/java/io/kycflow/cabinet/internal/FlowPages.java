package io.kycflow.cabinet.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.kycflow.flow.Flow;
import io.kycflow.flow.FlowConfigSchema;
import io.kycflow.flow.FlowPatch;
import io.kycflow.flow.FlowService;
import io.kycflow.flow.NewFlow;
import io.kycflow.organization.OrganizationService;
import io.kycflow.reference.ReferenceData;
import io.kycflow.session.SessionProperties;
import io.kycflow.shared.KycException;
import io.kycflow.technology.ConfigField;
import io.kycflow.technology.ConfigLabels;
import io.kycflow.technology.ConfigSchema;
import io.kycflow.technology.Technology;
import io.kycflow.technology.TechnologyCatalog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization's flows: list, view, create and edit through forms derived from the config declarations. Every
 * rule is FlowService's (the one MCP and REST use): the form is turned into the same request, and the service's and
 * schemas' messages are shown beside the inputs they name, with the values as entered. Digital-signature flows are
 * built here: FlowService accepts them, only the MCP tools refuse them.
 */
@Controller
class FlowPages {

    private final FlowService flows;
    private final TechnologyCatalog catalog;
    private final OrganizationService organizations;
    private final ReferenceData reference;
    private final ConfigLabels labels;
    private final SessionProperties links;
    private final AuditLog audit;

    FlowPages(FlowService flows, TechnologyCatalog catalog, OrganizationService organizations, ReferenceData reference,
              ConfigLabels labels, SessionProperties links, AuditLog audit) {
        this.flows = flows;
        this.catalog = catalog;
        this.organizations = organizations;
        this.reference = reference;
        this.labels = labels;
        this.links = links;
        this.audit = audit;
    }

    /** Labels in the page's language and the reference lists, for the form and the detail page. */
    record Texts(ConfigLabels labels, Locale locale, ReferenceData reference) {

        String label(ConfigSchema schema, ConfigField field) {
            return labels.label(schema, field, locale);
        }

        String help(ConfigSchema schema, ConfigField field) {
            return labels.help(schema, field, locale);
        }

        List<FlowForm.Option> referenceList(String name) {
            return switch (name) {
                case ConfigField.COUNTRIES -> reference.countries().stream()
                        .map(c -> new FlowForm.Option(String.valueOf(c.id()), c.name() + " (" + c.alpha3() + ")", false)).toList();
                case ConfigField.DOCUMENT_TYPES -> reference.documentTypes().stream()
                        .map(d -> new FlowForm.Option(String.valueOf(d.id()), d.name(), false)).toList();
                default -> List.of();
            };
        }
    }

    /** One group of inputs: the flow's own settings or one config schema (the three signature variants share one). */
    public record Section(String id, String title, String codes, List<FlowForm.Input> inputs) {
    }

    @GetMapping("/cabinet/flows")
    String list(@AuthenticationPrincipal CabinetUser me, @RequestParam(defaultValue = "0") int offset, Model model) {
        model.addAttribute("page", flows.list(me.organizationId(), FlowService.MAX_PAGE, Math.max(0, offset)));
        model.addAttribute("codes", (java.util.function.Function<Flow, String>) this::codes);
        return "cabinet/flows";
    }

    @GetMapping("/cabinet/flows/new")
    String create(@AuthenticationPrincipal CabinetUser me, Model model, HttpServletRequest request) {
        var offered = offered(me.organizationId(), List.of());
        return form(model, FlowForm.blank(offered), offered, null, Map.of(), CabinetLocales.of(request));
    }

    @PostMapping("/cabinet/flows/new")
    ModelAndView created(@AuthenticationPrincipal CabinetUser me, @RequestParam MultiValueMap<String, String> params,
                         Model model, HttpServletRequest request, RedirectAttributes flash) {
        var offered = offered(me.organizationId(), List.of());
        var form = FlowForm.submitted(params);
        var technologies = form.technologies(offered);
        var problems = problems(form, technologies);
        if (problems.isEmpty()) {
            try {
                var issued = flows.create(me.organizationId(), NewFlow.from(form.requestData(technologies)));
                audit.record(me.organizationId(), me.email(), "flow_create", issued.flow().id().toString(),
                        issued.flow().name() + ": " + codes(issued.flow()), request);
                flash.addFlashAttribute("notice", "Flow created. Show its key below with your password.");
                return new ModelAndView("redirect:/cabinet/flows/" + issued.flow().id());
            } catch (KycException e) {
                problems.put(FlowForm.inputOf(e), e.getMessage());
            }
        }
        return refused(form(model, form, offered, null, problems, CabinetLocales.of(request)));
    }

    @GetMapping("/cabinet/flows/{id}")
    String detail(@AuthenticationPrincipal CabinetUser me, @PathVariable UUID id, Model model, HttpServletRequest request) {
        return describe(me, id, model, request);
    }

    /** The flow page's model (also after a key was shown or rotated on it). */
    String describe(CabinetUser me, UUID id, Model model, HttpServletRequest request) {
        var flow = flows.get(me.organizationId(), id);
        var technologies = flow.technologyIds().stream().map(t -> catalog.find(t).orElseThrow()).toList();
        model.addAttribute("flow", flow);
        model.addAttribute("pageTitle", "Flow " + flow.name());
        model.addAttribute("technologies", technologies);
        model.addAttribute("sections", sections(FlowForm.of(flow, technologies), technologies, Map.of(), CabinetLocales.of(request)));
        model.addAttribute("snippet", snippet(flow, null));
        model.addAttribute("admin", me.can(io.kycflow.cabinet.CabinetRole.ADMIN));
        return "cabinet/flow";
    }

    @GetMapping("/cabinet/flows/{id}/edit")
    String edit(@AuthenticationPrincipal CabinetUser me, @PathVariable UUID id, Model model, HttpServletRequest request) {
        var flow = flows.get(me.organizationId(), id);
        var offered = offered(me.organizationId(), flow.technologyIds());
        return form(model, FlowForm.of(flow, offered), offered, flow, Map.of(), CabinetLocales.of(request));
    }

    @PostMapping("/cabinet/flows/{id}/edit")
    ModelAndView edited(@AuthenticationPrincipal CabinetUser me, @PathVariable UUID id,
                        @RequestParam MultiValueMap<String, String> params, Model model,
                        HttpServletRequest request, RedirectAttributes flash) {
        var flow = flows.get(me.organizationId(), id);
        var offered = offered(me.organizationId(), flow.technologyIds());
        var form = FlowForm.submitted(params);
        var technologies = form.technologies(offered);
        var problems = problems(form, technologies);
        if (problems.isEmpty()) {
            try {
                var data = form.requestData(technologies).put("flow_id", id.toString());
                var updated = flows.update(me.organizationId(), FlowPatch.from(data));
                audit.record(me.organizationId(), me.email(), "flow_edit", id.toString(),
                        updated.name() + ": " + codes(updated), request);
                flash.addFlashAttribute("notice", "Flow saved.");
                return new ModelAndView("redirect:/cabinet/flows/" + id);
            } catch (KycException e) {
                if (e.kind() == KycException.Kind.NOT_FOUND) {
                    throw e;
                }
                problems.put(FlowForm.inputOf(e), e.getMessage());
            }
        }
        return refused(form(model, form, offered, flow, problems, CabinetLocales.of(request)));
    }

    /**
     * The REST calls of the customer's backend for this flow, ready to paste: the key stays a placeholder unless it
     * was just shown. A flow whose signer must be the session's person names the metadata key to send.
     */
    String snippet(Flow flow, @org.jspecify.annotations.Nullable String key) {
        var base = links.publicBaseUrl().replaceAll("/+$", "");
        var apiKey = key == null ? "<flow api_key>" : key;
        var signature = flow.technologyConfigs().path("digital_signature_config");
        var metadata = "SESSION_IIN".equals(signature.path("signer_identity").asString(""))
                ? "\"user_id\": \"42\", \"" + signature.path("signer_iin_metadata_key").asString("iin") + "\": \"<12-digit IIN>\""
                : "\"user_id\": \"42\"";
        return """
                # 1. Your backend creates a session for one person (keep the flow key on the server)
                curl -X POST %1$s/api/v1/flows/session/create/ -H 'Content-Type: application/json' \\
                     -d '{"api_key": "%2$s", "metadata": {%3$s}}'
                # → 201 {"session_id": "…", "verification_url": "%1$s/flow/…", "expires_at": "…"}

                # 2. Send the person to verification_url (or embed it with the Flow Widget)

                # 3. Your backend fetches the result
                curl "%1$s/api/v1/flows/session/result/light/?session_id=<session_id>&flow_api_key=%2$s"
                """.formatted(base, apiKey, metadata);
    }

    /** Each config field checked alone first (every wrong field shown at once), then the request as a whole. */
    private Map<String, String> problems(FlowForm form, List<Technology> technologies) {
        var schemas = new ArrayList<ConfigSchema>(List.of(FlowConfigSchema.SCHEMA));
        technologies.stream().map(Technology::configSchema).distinct().forEach(schemas::add);
        return FlowForm.fieldProblems(schemas, form, reference);
    }

    private String form(Model model, FlowForm form, List<Technology> offered, @org.jspecify.annotations.Nullable Flow flow,
                        Map<String, String> problems, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("flow", flow);
        model.addAttribute("pageTitle", flow == null ? "New flow" : "Edit flow " + flow.name());
        model.addAttribute("offered", offered);
        model.addAttribute("problems", problems);
        model.addAttribute("sections", sections(form, offered, problems, locale));
        return "cabinet/flow-form";
    }

    private List<Section> sections(FlowForm form, List<Technology> technologies, Map<String, String> problems, Locale locale) {
        var texts = new Texts(labels, locale, reference);
        var sections = new ArrayList<Section>();
        sections.add(new Section(FlowConfigSchema.SCHEMA.name(), "Flow settings", "",
                form.inputs(FlowConfigSchema.SCHEMA, texts, problems)));
        for (var schema : technologies.stream().map(Technology::configSchema).distinct().toList()) {
            var sharing = technologies.stream().filter(t -> t.configSchema().equals(schema)).toList();
            var title = sharing.size() == 1 ? sharing.getFirst().name() : "Digital signature";
            sections.add(new Section(schema.name(), title + " settings",
                    String.join(", ", sharing.stream().map(t -> t.code().name()).toList()), form.inputs(schema, texts, problems)));
        }
        return sections;
    }

    /** The technologies the organization may put in a flow: its subscriptions, plus those the flow already holds. */
    private List<Technology> offered(UUID organizationId, List<UUID> inFlow) {
        return catalog.all().stream()
                .filter(t -> inFlow.contains(t.id()) || organizations.isSubscribed(organizationId, t.id())).toList();
    }

    private String codes(Flow flow) {
        return String.join(" → ", flow.technologyIds().stream()
                .map(id -> catalog.find(id).map(t -> t.code().name()).orElse("?")).toList());
    }

    private static ModelAndView refused(String view) {
        var page = new ModelAndView(view);
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
