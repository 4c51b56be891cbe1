package io.kycflow.mcp.prompts;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kycflow.session.SessionProperties;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one-shot integration prompt of the guide: a system prompt an integrator hands to a coding agent, walking
 * connect → discover → design → smoke-test → wire for the customer's stack.
 */
@Configuration(proxyBeanMethods = false)
class IntegrationPrompt {

    static final String NAME = "kyc_integration";
    private static final List<String> BACKENDS = List.of("java-spring-boot", "kotlin-ktor", "node-express", "node-nestjs",
            "python-django", "python-fastapi", "go-net-http", "ruby-on-rails", "php-laravel", "dotnet-aspnet-core");
    private static final Map<String, String> FRONTENDS = Map.of(
            "web", "Flow Remote: redirect the browser to verification_url and come back on the success/failure redirect URL.",
            "spa", "Flow Widget: embed the hosted UI in the page and listen for the 'finish' CustomEvent on window.",
            "mobile", "Flow WebView: open verification_url with ?web_view=true in a WebView and watch for the redirect URL.");

    @Bean
    SyncPromptSpecification kycIntegrationPrompt(SessionProperties sessions) {
        var prompt = Prompt.builder(NAME).title("Integrate KYC verification end to end")
                .description("One-shot system prompt for a coding agent: connect, discover, design a Flow, smoke-test it, "
                        + "then wire the customer's backend and frontend to the REST runtime API.")
                .arguments(List.of(
                        PromptArgument.builder("backend").description("The customer's backend language/framework, e.g. "
                                + "java-spring-boot, node-express, python-django.").required(false).build(),
                        PromptArgument.builder("frontend").description("Frontend kind: web (redirect), spa (embedded "
                                + "widget) or mobile (WebView).").required(false).build()))
                .build();
        return new SyncPromptSpecification(prompt, (exchange, request) -> {
            var arguments = request.arguments() == null ? Map.<String, Object>of() : request.arguments();
            var backend = text(arguments.get("backend"), "the customer's backend framework (detect it from the repository)");
            var frontend = text(arguments.get("frontend"), "web").toLowerCase(Locale.ROOT);
            return new GetPromptResult("KYC integration for " + backend + " / " + frontend, List.of(new PromptMessage(
                    Role.USER, new TextContent(body(backend, frontend, base(sessions.publicBaseUrl()))))));
        });
    }

    @Bean
    SyncCompletionSpecification kycIntegrationCompletion() {
        return new SyncCompletionSpecification(new PromptReference(NAME), (exchange, request) -> {
            var typed = request.argument().value() == null ? "" : request.argument().value().toLowerCase(Locale.ROOT);
            var options = "frontend".equals(request.argument().name()) ? List.copyOf(FRONTENDS.keySet()) : BACKENDS;
            var matches = options.stream().filter(option -> option.startsWith(typed)).sorted().toList();
            return new CompleteResult(new CompleteResult.CompleteCompletion(matches, matches.size(), false));
        });
    }

    private static String body(String backend, String frontend, String base) {
        var frontendHow = FRONTENDS.getOrDefault(frontend, FRONTENDS.get("web"));
        return """
                You are integrating identity verification (KYC) into this application, whose backend is %1$s and whose \
                frontend is %2$s. Use the "kyc" MCP server only for steps 1–4; production code never calls MCP.

                1. Connect. Call get_organization and list_subscription_technologies. status TEST or DEMO means sandbox \
                results ("sandbox": true). On 401 the org API key in the MCP config is wrong; on 429 wait Retry-After \
                seconds (limit: 60 requests per minute per IP).
                2. Discover. Read kyc://reference/flow-config-defaults, kyc://reference/technology-config-defaults, \
                kyc://reference/document-recognition-countries and kyc://reference/document-recognition-document-types. \
                Note each technology's id (technology_ids take ids, not codes) and its combination rules (e.g. F2F needs \
                LD and a reference face from DR or ED before it). Never put DSI, DSN or DSS in create_flow: digital \
                signature flows are built in the Cabinet.
                3. Design. Call create_flow with name, display_name, the ordered technology_ids, flow_config with \
                success_redirect_url and failure_redirect_url pointing at the app's GET /kyc/return, and \
                technology_configs for every technology you want to tune. Keep the returned id and api_key; the api_key \
                is a secret: store it in the app's secret configuration (e.g. KYC_FLOW_API_KEY), never in source control.
                4. Smoke-test. create_flow_session(flow_api_key) → open verification_url in a browser and complete it, \
                or without a camera (TEST/DEMO organizations) complete_sandbox_session(session_id, outcomes) → \
                get_flow_session_light_result(session_id). Expect status FINISHED on a clean pass; run a second session \
                with a failing outcome (e.g. {"LD": "fail"}) and check that FAILED, failure_reasons and each technology's \
                result block are handled.
                5. Wire production code (REST only, base URL %3$s):
                   - POST /kyc/start (authenticated end user): call POST %3$s/api/v1/flows/session/create/ with JSON \
                {"api_key": KYC_FLOW_API_KEY, "metadata": {"user_id": "<your user id>"}}; store session_id bound to the \
                user server-side; return verification_url (or session_id) to the frontend.
                   - Frontend: %4$s
                   - GET /kyc/return (and POST for widget/WebView pings): look up session_id from the server-side \
                binding, NOT from the query string (?outcome= is only a hint), then call GET \
                %3$s/api/v1/flows/session/result/light/?session_id=...&flow_api_key=KYC_FLOW_API_KEY. Its status and \
                overall_result are the authoritative decision; apply it to the user.
                   - Errors are RFC 9457 problem details with a stable "code" (401 invalid_flow_api_key, 404 \
                session_not_found, 400 validation_failed); handle them and time out requests sensibly.
                   - Add tests for both handlers with the REST API mocked at the HTTP boundary.
                Finish by summarising the flow id, where the api_key is configured and which files you changed.
                """.formatted(backend, frontend, base, frontendHow);
    }

    private static String text(Object value, String fallback) {
        return value instanceof String s && !s.isBlank() ? s.strip() : fallback;
    }

    private static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
