package io.kycflow.mcp.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kycflow.flow.FlowConfigSchema;
import io.kycflow.flow.FlowService;
import io.kycflow.flow.NewFlow;
import io.kycflow.mcp.internal.PendingAnswers;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import io.kycflow.technology.Technology;
import io.kycflow.technology.TechnologyCatalog;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.node.ObjectNode;

import static io.kycflow.mcp.tools.Schemas.arrayOf;
import static io.kycflow.mcp.tools.Schemas.input;
import static io.kycflow.mcp.tools.Schemas.object;
import static io.kycflow.mcp.tools.Schemas.oneOf;
import static io.kycflow.mcp.tools.Schemas.props;
import static io.kycflow.mcp.tools.Schemas.text;
import static io.kycflow.mcp.tools.Schemas.uuid;

/**
 * {@code create_flow}, conversational as the guide describes: when a chosen technology has no entry in
 * technology_configs, ONE question asks whether to override defaults; accepting walks through one typed form per
 * such technology (declining a form keeps that technology's defaults); cancelling anywhere creates nothing.
 */
@Configuration(proxyBeanMethods = false)
class CreateFlowTool {

    static final String CANCELLED = "create_flow cancelled by user.";
    private static final RequestFields ARGUMENTS = new RequestFields("", List.of("request_data"));

    private final ToolKit kit;
    private final FlowService flows;
    private final TechnologyCatalog catalog;
    private final PendingAnswers pendingAnswers;
    private final FlowJson flowJson;

    CreateFlowTool(ToolKit kit, FlowService flows, TechnologyCatalog catalog, PendingAnswers pendingAnswers,
                   FlowJson flowJson) {
        this.kit = kit;
        this.flowJson = flowJson;
        this.flows = flows;
        this.catalog = catalog;
        this.pendingAnswers = pendingAnswers;
    }

    static String cabinetOnly(Technology technology) {
        return technology.code() + " (" + technology.name() + ") is a digital-signature technology: such flows need "
                + "certificate-authority and signer-identity constraints that MCP does not enforce. Build this flow in the "
                + "Cabinet, then use list_flows/get_flow to pick up its id and api_key. Remove " + technology.id()
                + " from technology_ids to create a flow over MCP.";
    }

    @Bean
    SyncToolSpecification createFlowSpecification() {
        var configurable = catalog.all().stream().filter(Technology::mcpCreatable).map(Technology::configSchema).toList();
        var requestData = input(props("name", text("Unique name within the organization, e.g. kyc-prod-v1.", 100),
                        "display_name", text("Name shown to end users (defaults to name).", 200),
                        "technology_ids", Map.of("type", "array", "items", uuid("Technology id from list_subscription_technologies."),
                                "minItems", 1, "maxItems", 7, "uniqueItems", true,
                                "description", "Ordered technologies (ids, not codes)."),
                        "flow_config", FlowConfigSchema.SCHEMA.jsonSchema(),
                        "technology_configs", Schemas.configs(configurable,
                                "Per-technology overrides keyed by config field; omitted fields take defaults.")),
                "name", "technology_ids");
        var output = flowJson.fullProps()
                .with("defaults_applied", arrayOf(text("Codes of technologies that got platform defaults.")))
                .with("elicitation", oneOf("How per-technology configs were settled: not_needed (all given), declined, "
                        + "accepted, or unsupported (client cannot answer elicitations; defaults used).",
                        "not_needed", "declined", "accepted", "unsupported"))
                .with("note", text("Present when defaults were applied without asking."));
        return kit.tool("create_flow", "Create flow",
                "Creates a Flow: the ordered verification technologies an end user goes through. Read the "
                        + "kyc://reference/* resources first. Technologies without a technology_configs entry trigger one "
                        + "elicitation asking whether to override their defaults (decline = defaults; accept = one form per "
                        + "technology, decline a form to keep its defaults; cancel = nothing created). Give every config to "
                        + "skip elicitation. Digital-signature technologies (DSI, DSN, DSS) are refused: build those in the "
                        + "Cabinet. Returns the flow with its id and api_key (a secret for the REST runtime API).",
                input(props("request_data", requestData), "request_data"),
                object(output, "id", "name", "technology_ids", "flow_config", "technology_configs", "api_key",
                        "defaults_applied", "elicitation"),
                ToolKit.Kind.CREATES, this::create);
    }

    private ObjectNode create(ToolKit.Call call) {
        var args = ARGUMENTS.object(call.arguments());
        var request = NewFlow.from(args.get("request_data"));
        for (var id : request.technologyIds()) {
            catalog.find(id).filter(t -> !t.mcpCreatable()).ifPresent(t -> {
                throw KycException.invalid("request_data.technology_ids", cabinetOnly(t));
            });
        }
        var draft = flows.validate(call.organizationId(), request);
        var missing = draft.withoutConfig();
        var elicited = kit.object();
        var defaulted = new ArrayList<Technology>();
        String mode;
        if (missing.isEmpty()) {
            mode = "not_needed";
        } else if (!canElicit(call.exchange())) {
            mode = "unsupported";
            defaulted.addAll(missing);
        } else {
            var names = String.join(", ", missing.stream().map(t -> t.code() + " (" + t.name() + ")").toList());
            var override = elicit(call.exchange(), "Flow '" + request.name() + "': no technology_configs given for "
                    + names + ". Override their per-technology defaults?", Map.of("type", "object", "properties", Map.of()));
            if (override.action() == ElicitResult.Action.DECLINE) {
                mode = "declined";
                defaulted.addAll(missing);
            } else {
                mode = "accepted";
                for (var technology : missing) {
                    var answer = elicit(call.exchange(), technology.name() + " (" + technology.code() + "): set "
                            + technology.configField() + ", or decline to keep the defaults.",
                            ElicitationForms.form(technology.configSchema()));
                    if (answer.action() == ElicitResult.Action.ACCEPT && answer.content() != null) {
                        elicited.set(technology.configField(),
                                ElicitationForms.answer(technology.configSchema(), answer.content(), kit.json()));
                    } else {
                        defaulted.add(technology);
                    }
                }
            }
        }
        var issued = flows.create(call.organizationId(), request.withTechnologyConfigs(elicited));
        var result = flowJson.full(issued.flow(), issued.apiKey());
        var codes = result.putArray("defaults_applied");
        defaulted.forEach(t -> codes.add(t.code().name()));
        result.put("elicitation", mode);
        if (mode.equals("unsupported")) {
            result.put("note", "This client does not support elicitation; platform defaults were used for "
                    + String.join(", ", defaulted.stream().map(t -> t.code().name()).toList())
                    + ". Change them with update_flow if needed.");
        }
        return result;
    }

    private static boolean canElicit(McpSyncServerExchange exchange) {
        var capabilities = exchange.getClientCapabilities();
        return capabilities != null && capabilities.elicitation() != null;
    }

    /** Asks the person; a cancel ends the tool with the guide's exact message, creating nothing. */
    private ElicitResult elicit(McpSyncServerExchange exchange, String message, Map<String, Object> schema) {
        ElicitResult result;
        try {
            result = pendingAnswers.awaiting(exchange.sessionId(),
                    () -> exchange.createElicitation(ElicitFormRequest.builder(message, schema).build()));
        } catch (RuntimeException e) {
            throw new KycException(KycException.Kind.CONFLICT, "elicitation_failed", null,
                    "No answer to the create_flow question arrived in time (or the client failed to answer); nothing was "
                            + "created. Call create_flow again, or pass technology_configs for every technology.");
        }
        if (result.action() == ElicitResult.Action.CANCEL) {
            throw new ToolKit.CancelledByUser(CANCELLED);
        }
        return result;
    }

}
