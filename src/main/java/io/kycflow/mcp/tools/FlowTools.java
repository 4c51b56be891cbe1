package io.kycflow.mcp.tools;

import java.util.List;

import io.kycflow.flow.FlowConfigSchema;
import io.kycflow.flow.FlowPatch;
import io.kycflow.flow.FlowService;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import io.kycflow.technology.Technology;
import io.kycflow.technology.TechnologyCatalog;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.kycflow.mcp.tools.Schemas.arrayOf;
import static io.kycflow.mcp.tools.Schemas.input;
import static io.kycflow.mcp.tools.Schemas.integer;
import static io.kycflow.mcp.tools.Schemas.nullable;
import static io.kycflow.mcp.tools.Schemas.object;
import static io.kycflow.mcp.tools.Schemas.props;
import static io.kycflow.mcp.tools.Schemas.text;
import static io.kycflow.mcp.tools.Schemas.uuid;

/** Step 3 of the integration (design): list, read and change flows. Creating one is {@link CreateFlowTool}. */
@Configuration(proxyBeanMethods = false)
class FlowTools {

    private static final RequestFields LIST = new RequestFields("", List.of("limit", "offset"));
    private static final RequestFields GET = new RequestFields("", List.of("flow_id"));
    private static final RequestFields UPDATE = new RequestFields("", List.of("request_data"));

    @Bean
    SyncToolSpecification listFlowsTool(ToolKit kit, FlowService flows, FlowJson flowJson) {
        return kit.tool("list_flows", "List flows",
                "Lists the organization's Flows, newest first, one page at a time (no API keys; use get_flow for those). "
                        + "next/previous are the offsets of the neighbouring pages, or null.",
                input(props("limit", integer("Page size.", 1, FlowService.MAX_PAGE, 20),
                        "offset", integer("How many flows to skip.", 0, Integer.MAX_VALUE, 0))),
                object(props("count", integer(), "next", nullable("integer"), "previous", nullable("integer"),
                        "results", arrayOf(flowJson.summarySchema())), "count", "next", "previous", "results"),
                ToolKit.Kind.READ_ONLY, call -> {
                    var args = LIST.object(call.arguments());
                    var page = flows.list(call.organizationId(), LIST.integer(args, "limit", 1, FlowService.MAX_PAGE, 20),
                            LIST.integer(args, "offset", 0, Integer.MAX_VALUE, 0));
                    var result = kit.object().put("count", page.count());
                    if (page.next() == null) {
                        result.putNull("next");
                    } else {
                        result.put("next", page.next());
                    }
                    if (page.previous() == null) {
                        result.putNull("previous");
                    } else {
                        result.put("previous", page.previous());
                    }
                    var results = result.putArray("results");
                    page.results().forEach(flow -> results.add(flowJson.summary(flow)));
                    return result;
                });
    }

    @Bean
    SyncToolSpecification getFlowTool(ToolKit kit, FlowService flows, FlowJson flowJson) {
        return kit.tool("get_flow", "Get flow",
                "Returns one Flow with its flow_config, every per-technology config (defaults filled in) and its api_key, "
                        + "the secret the customer's backend uses for POST /api/v1/flows/session/create/.",
                input(props("flow_id", uuid("Id of the flow (from create_flow or list_flows).")), "flow_id"),
                flowJson.fullSchema(), ToolKit.Kind.READ_ONLY, call -> {
                    var args = GET.object(call.arguments());
                    var flow = flows.get(call.organizationId(), GET.requiredUuid(args, "flow_id"));
                    return flowJson.full(flow, flows.apiKey(call.organizationId(), flow.id()));
                });
    }

    @Bean
    SyncToolSpecification updateFlowTool(ToolKit kit, FlowService flows, FlowJson flowJson, TechnologyCatalog catalog) {
        var requestData = Schemas.input(props("flow_id", uuid("Id of the flow to change."),
                        "name", text("New unique name.", 100), "display_name", text("New display name.", 200),
                        "technology_ids", Schemas.arrayOf(uuid("Technology id.")),
                        "flow_config", FlowConfigSchema.SCHEMA.jsonSchema(),
                        "technology_configs", Schemas.configs(catalog.all().stream().map(Technology::configSchema).distinct().toList(),
                                "Per-technology overrides, merged field by field into the current config.")),
                "flow_id");
        return kit.tool("update_flow", "Update flow",
                "PATCH-style change of a Flow: only the fields given change. flow_config and technology_configs merge field "
                        + "by field; replacing technology_ids drops configs of removed technologies and gives new ones defaults "
                        + "unless configured here. The flow's api_key stays the same. Digital-signature technologies cannot be "
                        + "added over MCP.",
                input(props("request_data", requestData), "request_data"), flowJson.fullSchema(), ToolKit.Kind.UPDATES,
                call -> {
                    var args = UPDATE.object(call.arguments());
                    var patch = FlowPatch.from(args.get("request_data"));
                    if (patch.technologyIds() != null) {
                        patch.technologyIds().forEach(id -> catalog.find(id).filter(t -> !t.mcpCreatable())
                                .ifPresent(t -> {
                                    throw KycException.invalid("request_data.technology_ids", CreateFlowTool.cabinetOnly(t));
                                }));
                    }
                    var updated = flows.update(call.organizationId(), patch);
                    return flowJson.full(updated, flows.apiKey(call.organizationId(), updated.id()));
                });
    }
}
