package io.kycflow.flow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.kycflow.flow.FlowConfigSchema;
import io.kycflow.flow.FlowDraft;
import io.kycflow.flow.NewFlow;
import io.kycflow.organization.OrganizationService;
import io.kycflow.reference.ReferenceData;
import io.kycflow.shared.KycException;
import io.kycflow.technology.IdLookup;
import io.kycflow.technology.Technology;
import io.kycflow.technology.TechnologyCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Checks a flow request against the catalog, the organization's subscriptions and every declared schema. */
@Component
public class FlowValidator {

    private static final String TECHNOLOGY_IDS = "request_data.technology_ids";

    private final TechnologyCatalog catalog;
    private final OrganizationService organizations;
    private final IdLookup ids;

    FlowValidator(TechnologyCatalog catalog, OrganizationService organizations, ReferenceData reference) {
        this.catalog = catalog;
        this.organizations = organizations;
        this.ids = reference::exists;
    }

    public FlowDraft validate(UUID organizationId, NewFlow request) {
        var technologies = technologies(organizationId, request.technologyIds());
        var flowConfig = checkDevicePolicy(FlowConfigSchema.SCHEMA.resolve(request.flowConfig(), ids));
        var configs = JsonNodeFactory.instance.objectNode();
        var withoutConfig = new ArrayList<Technology>();
        checkConfigKeys(technologies, request.technologyConfigs());
        for (var technology : technologies) {
            JsonNode given = request.technologyConfigs() == null ? null : request.technologyConfigs().get(technology.configField());
            if (given == null) {
                withoutConfig.add(technology);
            }
            configs.set(technology.configField(), technology.configSchema().resolve(given, ids));
        }
        return new FlowDraft(request, technologies, flowConfig, configs, List.copyOf(withoutConfig));
    }

    /** Re-resolves configs after a patch: kept technologies keep their config, new ones get defaults or the patch. */
    public ObjectNode patchConfigs(List<Technology> technologies, ObjectNode current, @Nullable ObjectNode patch) {
        checkConfigKeys(technologies, patch);
        var configs = JsonNodeFactory.instance.objectNode();
        for (var technology : technologies) {
            var schema = technology.configSchema();
            var base = current.has(schema.name()) ? current.get(schema.name()) : schema.defaults();
            configs.set(schema.name(), schema.merge(base, patch == null ? null : patch.get(schema.name()), ids));
        }
        return configs;
    }

    public ObjectNode patchFlowConfig(ObjectNode current, @Nullable ObjectNode patch) {
        return checkDevicePolicy(FlowConfigSchema.SCHEMA.merge(current, patch, ids));
    }

    /**
     * {@code fingerprint_check: true} keeps every session on the device that opened it (no hand-off to a phone), so it
     * cannot stand beside the options that hand one over: refused, naming the fields, rather than one of them ignored.
     */
    static ObjectNode checkDevicePolicy(ObjectNode flowConfig) {
        if (flowConfig.path("fingerprint_check").asBoolean(false)) {
            var handing = new ArrayList<String>();
            for (var field : List.of("show_qr", "always_mobile")) {
                if (flowConfig.path(field).asBoolean(false)) {
                    handing.add(field);
                }
            }
            if (!handing.isEmpty()) {
                var path = "flow_config.fingerprint_check";
                throw KycException.invalid(path, path + ": true keeps each session on the device that first opens it, "
                        + "so it cannot be combined with " + String.join(" or ", handing.stream().map(f -> f + ": true").toList())
                        + ", which hand the session to a phone; set " + String.join(" and ", handing) + " to false "
                        + "(show_qr is true by default).");
            }
        }
        return flowConfig;
    }

    public List<Technology> technologies(UUID organizationId, List<UUID> technologyIds) {
        return technologies(organizationId, technologyIds, List.of());
    }

    /**
     * Resolves and checks an ordered technology list. A subscription is needed for every technology that is not
     * already in the flow: revoking a subscription stops new use, it does not lock existing flows.
     */
    public List<Technology> technologies(UUID organizationId, List<UUID> technologyIds, List<UUID> alreadyInFlow) {
        var technologies = new ArrayList<Technology>();
        for (int i = 0; i < technologyIds.size(); i++) {
            var id = technologyIds.get(i);
            var path = TECHNOLOGY_IDS + "[" + i + "]";
            var technology = catalog.find(id).orElseThrow(() -> KycException.invalid(path,
                    path + ": " + id + " is not a technology id; use the ids from list_subscription_technologies"));
            if (!alreadyInFlow.contains(id) && !organizations.isSubscribed(organizationId, id)) {
                throw KycException.invalid(path, path + ": the organization has no subscription to " + technology.code()
                        + " (" + technology.name() + ")");
            }
            technologies.add(technology);
        }
        var order = technologies.stream().map(Technology::code).toList();
        for (int i = 0; i < technologies.size(); i++) {
            for (var rule : technologies.get(i).rules()) {
                var violation = rule.violation(order, i);
                if (violation != null) {
                    throw KycException.invalid(TECHNOLOGY_IDS, TECHNOLOGY_IDS + ": " + violation);
                }
            }
        }
        return technologies;
    }

    private static void checkConfigKeys(List<Technology> technologies, @Nullable ObjectNode technologyConfigs) {
        if (technologyConfigs == null) {
            return;
        }
        var expected = technologies.stream().map(Technology::configField).toList();
        for (var key : technologyConfigs.propertyNames()) {
            if (!expected.contains(key)) {
                var path = "request_data.technology_configs." + key;
                throw KycException.invalid(path, path + " does not belong to a technology of this flow; expected "
                        + (expected.isEmpty() ? "none" : String.join(", ", expected)));
            }
        }
    }
}
