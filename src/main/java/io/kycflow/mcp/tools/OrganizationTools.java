package io.kycflow.mcp.tools;

import io.kycflow.shared.Timestamps;
import io.kycflow.organization.OrganizationService;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import io.kycflow.technology.Technology;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.node.ObjectNode;

import static io.kycflow.mcp.tools.Schemas.arrayOf;
import static io.kycflow.mcp.tools.Schemas.bool;
import static io.kycflow.mcp.tools.Schemas.input;
import static io.kycflow.mcp.tools.Schemas.object;
import static io.kycflow.mcp.tools.Schemas.oneOf;
import static io.kycflow.mcp.tools.Schemas.props;
import static io.kycflow.mcp.tools.Schemas.text;
import static io.kycflow.mcp.tools.Schemas.timestamp;
import static io.kycflow.mcp.tools.Schemas.uuid;

/** Step 2 of the integration (discover): who am I, and which technologies may I put in a flow. */
@Configuration(proxyBeanMethods = false)
class OrganizationTools {

    private static final RequestFields GET_ORGANIZATION = new RequestFields("", java.util.List.of("api_key"));
    private static final RequestFields NO_ARGUMENTS = new RequestFields("", java.util.List.of());

    @Bean
    SyncToolSpecification getOrganizationTool(ToolKit kit, OrganizationService organizations) {
        return kit.tool("get_organization", "Get organization",
                "Connectivity probe: confirms which organization the configured API key belongs to. status TEST or DEMO "
                        + "means a sandbox (sessions use sandbox providers, results say \"sandbox\": true); PRODUCTION runs "
                        + "live verification. api_key is optional; when given it must be the key this connection uses.",
                input(props("api_key", text("The organization API key (optional; must match the connection's key).", 256))),
                object(props("id", uuid("Organization id."), "name", text("Organization name."),
                        "status", oneOf("TEST and DEMO are sandboxes; PRODUCTION is live.", "TEST", "DEMO", "PRODUCTION"),
                        "sandbox", bool("True for TEST and DEMO organizations."), "created_at", timestamp()),
                        "id", "name", "status", "sandbox", "created_at"),
                ToolKit.Kind.READ_ONLY, call -> {
                    var args = GET_ORGANIZATION.object(call.arguments());
                    var org = call.caller().organization();
                    var given = GET_ORGANIZATION.optionalText(args, "api_key", 256);
                    if (given != null && organizations.authenticate(given).filter(o -> o.id().equals(org.id())).isEmpty()) {
                        throw KycException.invalid("api_key", "api_key does not match the organization API key this "
                                + "connection authenticated with; omit it or pass the same key.");
                    }
                    return kit.object().put("id", org.id().toString()).put("name", org.name())
                            .put("status", org.status().name()).put("sandbox", org.sandbox())
                            .put("created_at", Timestamps.format(org.createdAt()));
                });
    }

    @Bean
    SyncToolSpecification listSubscriptionTechnologiesTool(ToolKit kit, OrganizationService organizations) {
        var rule = object(props("type", oneOf("Rule kind.", "requires_before_all", "requires_before_any", "exclusive_with"),
                "technologies", arrayOf(text("Technology code.")), "description", text("The rule in words.")),
                "type", "technologies", "description");
        var technology = object(props("id", uuid("Use this id in create_flow technology_ids."),
                        "code", text("Short code: LD, DR, F2F, ED, DSI, DSN or DSS."), "name", text("Name."),
                        "description", text("What the technology verifies."),
                        "config_field", text("Key of this technology's config in technology_configs."),
                        "mcp_creatable", bool("False for digital-signature technologies: build those flows in the Cabinet."),
                        "rules", arrayOf(rule)),
                "id", "code", "name", "description", "config_field", "mcp_creatable", "rules");
        return kit.tool("list_subscription_technologies", "List subscribed technologies",
                "Lists the technologies this organization is licensed to put in a Flow, with their ids (use these in "
                        + "create_flow technology_ids, not the codes), config field names and combination rules. Technologies "
                        + "with mcp_creatable=false (digital signature: DSI, DSN, DSS) must not be used in create_flow.",
                input(props()), object(props("technologies", arrayOf(technology)), "technologies"),
                ToolKit.Kind.READ_ONLY, call -> {
                    NO_ARGUMENTS.object(call.arguments());
                    var result = kit.object();
                    var list = result.putArray("technologies");
                    organizations.subscriptions(call.organizationId()).forEach(t -> list.add(technology(kit, t)));
                    return result;
                });
    }

    private static ObjectNode technology(ToolKit kit, Technology technology) {
        var node = kit.object().put("id", technology.id().toString()).put("code", technology.code().name())
                .put("name", technology.name()).put("description", technology.description())
                .put("config_field", technology.configField()).put("mcp_creatable", technology.mcpCreatable());
        var rules = node.putArray("rules");
        technology.rules().forEach(rule -> {
            var item = rules.addObject().put("type", rule.type()).put("description", rule.description());
            var codes = item.putArray("technologies");
            rule.technologies().forEach(code -> codes.add(code.name()));
        });
        return node;
    }
}
