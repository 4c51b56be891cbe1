package io.kycflow.mcp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.kycflow.mcp.McpProperties;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The MCP server: every tool, resource, prompt and completion bean of the application, on the servlet transport. */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

    static final String INSTRUCTIONS = """
            kycflow KYC platform. Use this server at integration time to: (1) confirm the connection with \
            get_organization and list_subscription_technologies, (2) read the kyc://reference/* resources, \
            (3) create_flow, (4) smoke-test with create_flow_session + get_flow_session_light_result, then (5) wire the \
            customer's backend to the REST API (POST /api/v1/flows/session/create/, GET \
            /api/v1/flows/session/result/light/) with the flow's api_key. Never call MCP from production code. \
            The 'kyc_integration' prompt walks through all steps.""";

    @Bean
    McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, McpJsonMapper json,
                            McpProperties properties, Environment environment, List<SyncToolSpecification> tools,
                            List<SyncResourceSpecification> resources, List<SyncResourceTemplateSpecification> templates,
                            List<SyncPromptSpecification> prompts, List<SyncCompletionSpecification> completions,
                            List<McpFeatureSet> featureSets, ObjectProvider<BuildProperties> build) {
        // Resource subscriptions exist only for the conformance fixtures; reference data never changes at runtime.
        boolean subscriptions = environment.acceptsProfiles(Profiles.of("conformance"));
        var version = build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return McpServer.sync(transport)
                .serverInfo(Implementation.builder("kycflow", version).title("kycflow KYC platform").build())
                .instructions(INSTRUCTIONS)
                .capabilities(ServerCapabilities.builder().tools(false).resources(subscriptions, false).prompts(false)
                        .logging().completions().build())
                .requestTimeout(properties.requestTimeout())
                .immediateExecution(true) // handlers run on the (virtual) request thread: cheap to block on a person
                .jsonMapper(json)
                .tools(merge(tools, featureSets, McpFeatureSet::tools))
                .resources(merge(resources, featureSets, McpFeatureSet::resources))
                .resourceTemplates(templates)
                .prompts(merge(prompts, featureSets, McpFeatureSet::prompts))
                .completions(completions)
                .build();
    }

    private static <T> List<T> merge(List<T> single, List<McpFeatureSet> sets, Function<McpFeatureSet, List<T>> part) {
        var all = new ArrayList<>(single);
        sets.forEach(set -> all.addAll(part.apply(set)));
        return all;
    }
}
