package io.kycflow.mcp.tools;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kycflow.session.SessionService;
import io.kycflow.session.SessionViews;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.SandboxVerifier;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.kycflow.mcp.tools.Schemas.input;
import static io.kycflow.mcp.tools.Schemas.props;
import static io.kycflow.mcp.tools.Schemas.uuid;

/** Step 4 without a camera: the headless sandbox smoke test for agents. */
@Configuration(proxyBeanMethods = false)
class SandboxTools {

    private static final RequestFields ARGS = new RequestFields("", List.of("session_id", "outcomes"));

    @Bean
    SyncToolSpecification completeSandboxSessionTool(ToolKit kit, SessionService sessions, SandboxVerifier sandbox,
                                                    SessionViews views, TechnologyCatalog catalog) {
        return kit.tool("complete_sandbox_session", "Complete sandbox session",
                "Finishes a TEST/DEMO session without a camera: each remaining step runs the same capture → engine → step "
                        + "path a person's would, with synthetic captures and the sandbox engine, and the outcome you pick per "
                        + "technology (\"pass\", \"fail\" or one of its failure-reason codes; a technology left out passes). "
                        + "Use it to finish step 4 of the integration and walk both the FINISHED and the FAILED branch; then "
                        + "read get_flow_session_light_result. PRODUCTION sessions are refused, and a finished session cannot "
                        + "be completed again.",
                input(props("session_id", uuid("Session id (from create_flow_session or the REST API)."),
                        "outcomes", outcomesSchema(catalog)), "session_id"),
                views.schema(SessionViews.Shape.LIGHT), ToolKit.Kind.CREATES, call -> {
                    var args = ARGS.object(call.arguments());
                    var session = sessions.get(call.organizationId(), ARGS.requiredUuid(args, "session_id"));
                    var outcomes = new EnumMap<TechnologyCode, String>(TechnologyCode.class);
                    var given = args.get("outcomes");
                    if (given != null && !given.isNull()) {
                        if (!given.isObject()) {
                            throw KycException.invalid("outcomes", "outcomes must be an object keyed by technology code");
                        }
                        for (var entry : given.properties()) {
                            var code = TechnologyCode.parse(entry.getKey()).orElseThrow(() -> KycException.invalid("outcomes",
                                    "outcomes keys must be technology codes (LD, DR, F2F, ED, DSI, DSN, DSS)"));
                            if (!entry.getValue().isString()) {
                                throw KycException.invalid("outcomes." + code, "outcomes." + code + " must be a string");
                            }
                            outcomes.put(code, entry.getValue().asString());
                        }
                    }
                    return kit.tree(views.light(sandbox.complete(session, outcomes), call.caller().author()));
                });
    }

    /** Per technology, the outcomes its declared result schema allows: one declaration, here as a closed object. */
    private static Map<String, Object> outcomesSchema(TechnologyCatalog catalog) {
        var properties = new LinkedHashMap<String, Object>();
        for (var technology : catalog.all()) {
            var values = new ArrayList<String>(List.of("pass", "fail"));
            technology.resultSchema().failureReasons().forEach(reason -> values.add(reason.code()));
            properties.put(technology.code().name(), Map.of("type", "string", "enum", values, "description",
                    "Outcome of " + technology.code() + ": pass, fail, or a failure reason of " + technology.resultField() + "."));
        }
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("description", "Outcome per technology code; a technology left out passes.");
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }
}
