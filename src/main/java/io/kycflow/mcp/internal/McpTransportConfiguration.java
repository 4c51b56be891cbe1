package io.kycflow.mcp.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kycflow.mcp.McpCaller;
import io.kycflow.mcp.McpProperties;
import io.kycflow.organization.OrganizationService;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Streamable HTTP transport of the official MCP SDK as a servlet on {@code /mcp} and {@code /mcp/*}, behind
 * four filters in this order: rate limit → Origin/protocol-version guard → organization key auth → JSON-RPC
 * message checks.
 */
@Configuration(proxyBeanMethods = false)
class McpTransportConfiguration {

    private static final String[] PATHS = {"/mcp", "/mcp/*"};

    /**
     * The SDK's own mapper, kept apart from the application's snake_case mapper. Its error bodies serialize the
     * McpError itself, so it is taught to write a JSON-RPC error object (in our words, {@link SdkErrorMessages})
     * instead of a Throwable with a stack trace.
     */
    @Bean
    McpJsonMapper mcpJsonMapper() {
        var module = new SimpleModule("mcp-error-as-jsonrpc").addSerializer(McpError.class, new ValueSerializer<McpError>() {
            @Override
            public void serialize(McpError error, JsonGenerator gen, SerializationContext context) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("jsonrpc", "2.0");
                body.put("id", null);
                body.put("error", SdkErrorMessages.translate(error));
                context.writeValue(gen, body);
            }
        });
        return new JacksonMcpJsonMapper(JsonMapper.builder().addModule(module).build());
    }

    @Bean
    HttpServletStreamableServerTransportProvider mcpTransport(McpJsonMapper mcpJsonMapper, McpProperties properties) {
        return HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mcpJsonMapper)
                .mcpEndpoint("/mcp")
                .keepAliveInterval(properties.keepAliveInterval())
                .contextExtractor(request -> request.getAttribute(McpCaller.CONTEXT_KEY) instanceof McpCaller caller
                        ? McpTransportContext.create(Map.of(McpCaller.CONTEXT_KEY, caller))
                        : McpTransportContext.EMPTY)
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
            HttpServletStreamableServerTransportProvider transport) {
        var registration = new ServletRegistrationBean<>(transport, PATHS);
        registration.setName("mcp");
        registration.setAsyncSupported(true); // SSE answers use request.startAsync()
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<McpRateLimitFilter> mcpRateLimitFilter(McpProperties properties, PendingAnswers pendingAnswers) {
        return registration(new McpRateLimitFilter(properties.rateLimit(), pendingAnswers, JsonMapper.shared()), 1);
    }

    @Bean
    FilterRegistrationBean<McpRequestGuardFilter> mcpRequestGuardFilter(McpProperties properties) {
        return registration(new McpRequestGuardFilter(properties.allowedOrigins()), 2);
    }

    /** Switched off by a setting rather than a condition, which an AOT-processed build would fix at build time. */
    @Bean
    FilterRegistrationBean<McpAuthFilter> mcpAuthFilter(McpProperties properties, OrganizationService organizations) {
        var registration = registration(new McpAuthFilter(organizations), 3);
        registration.setEnabled(properties.authEnabled());
        return registration;
    }

    @Bean
    FilterRegistrationBean<McpMessageFilter> mcpMessageFilter(PendingAnswers pendingAnswers) {
        return registration(new McpMessageFilter(JsonMapper.shared(), pendingAnswers), 4);
    }

    /**
     * Closes MCP sessions (ending open SSE streams) when the context closes: the closed event comes before the web
     * server's graceful shutdown, which would otherwise wait on them. Not a Lifecycle: the SDK transport cannot be
     * reopened, so a stop/start (test context pausing, checkpoint/restore) must leave it open.
     */
    @Bean
    ApplicationListener<ContextClosedEvent> mcpShutdown(McpSyncServer server) {
        return event -> server.closeGracefully();
    }

    private static <F extends Filter> FilterRegistrationBean<F> registration(F filter, int order) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setUrlPatterns(List.of(PATHS));
        registration.setAsyncSupported(true);
        registration.setOrder(order);
        return registration;
    }
}
