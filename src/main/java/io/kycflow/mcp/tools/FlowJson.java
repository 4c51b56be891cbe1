package io.kycflow.mcp.tools;

import io.kycflow.shared.Timestamps;
import java.util.Map;

import io.kycflow.flow.Flow;
import io.kycflow.flow.FlowConfigSchema;
import io.kycflow.technology.Technology;
import io.kycflow.technology.TechnologyCatalog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.kycflow.mcp.tools.Schemas.arrayOf;
import static io.kycflow.mcp.tools.Schemas.object;
import static io.kycflow.mcp.tools.Schemas.props;
import static io.kycflow.mcp.tools.Schemas.text;
import static io.kycflow.mcp.tools.Schemas.timestamp;
import static io.kycflow.mcp.tools.Schemas.uuid;

/** How flows look to agents, and the matching output schemas (config parts derived from the declarations). */
@Component
class FlowJson {

    private final TechnologyCatalog catalog;

    FlowJson(TechnologyCatalog catalog) {
        this.catalog = catalog;
    }

    ObjectNode summary(Flow flow) {
        var node = JsonNodeFactory.instance.objectNode();
        node.put("id", flow.id().toString());
        node.put("name", flow.name());
        node.put("display_name", flow.displayName());
        var ids = node.putArray("technology_ids");
        var codes = node.putArray("technologies");
        for (var id : flow.technologyIds()) {
            ids.add(id.toString());
            codes.add(catalog.find(id).map(t -> t.code().name()).orElse("?"));
        }
        node.put("created_at", Timestamps.format(flow.createdAt()));
        node.put("updated_at", Timestamps.format(flow.updatedAt()));
        return node;
    }

    /** The summary plus the configs and the flow's plain API key (opened by the caller, where it is shown). */
    ObjectNode full(Flow flow, String apiKey) {
        var node = summary(flow);
        node.set("flow_config", flow.flowConfig());
        node.set("technology_configs", flow.technologyConfigs());
        node.put("api_key", apiKey);
        return node;
    }

    Map<String, Object> summarySchema() {
        return object(summaryProps(), "id", "name", "display_name", "technology_ids", "technologies", "created_at", "updated_at");
    }

    Map<String, Object> fullSchema() {
        return object(fullProps(), "id", "name", "display_name", "technology_ids", "technologies", "flow_config",
                "technology_configs", "api_key", "created_at", "updated_at");
    }

    Schemas.Props fullProps() {
        return summaryProps()
                .with("flow_config", FlowConfigSchema.SCHEMA.jsonSchema())
                .with("technology_configs", Schemas.configs(catalog.all().stream().map(Technology::configSchema)
                        .distinct().toList(), "Complete config of every technology of the flow, defaults filled in."))
                .with("api_key", text("The flow's secret API key for the REST runtime API. Treat it like a database password."));
    }

    private static Schemas.Props summaryProps() {
        return props("id", uuid("Flow id."), "name", text("Unique name within the organization."),
                "display_name", text("Name shown to end users."),
                "technology_ids", arrayOf(uuid("Technology id.")),
                "technologies", arrayOf(text("Technology code, in flow order.")),
                "created_at", timestamp(), "updated_at", timestamp());
    }
}
