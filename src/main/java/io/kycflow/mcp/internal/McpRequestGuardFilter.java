package io.kycflow.mcp.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Transport checks the SDK leaves open, done before authentication: a foreign {@code Origin} gets 403 (DNS
 * rebinding protection), an unsupported {@code MCP-Protocol-Version} gets 400. Also presents {@code /mcp/} —
 * the URL our users configure — as {@code /mcp}, which is what the SDK's endpoint matching expects.
 */
public class McpRequestGuardFilter extends OncePerRequestFilter {

    public static final Set<String> SUPPORTED_VERSIONS = Set.of(ProtocolVersions.MCP_2025_11_25,
            ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_03_26);

    private final List<Pattern> allowedOrigins;

    public McpRequestGuardFilter(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(McpRequestGuardFilter::toPattern).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var origin = request.getHeader("Origin");
        if (origin != null && allowedOrigins.stream().noneMatch(p -> p.matcher(origin).matches())) {
            McpResponses.refuse(response, 403, "forbidden_origin", "Origin " + quote(origin) + " is not allowed to call this MCP server.");
            return;
        }
        var version = request.getHeader("MCP-Protocol-Version");
        if (version != null && !SUPPORTED_VERSIONS.contains(version)) {
            McpResponses.refuse(response, 400, "unsupported_protocol_version", "Unsupported MCP-Protocol-Version " + quote(version)
                    + "; this server speaks 2025-11-25, 2025-06-18 and 2025-03-26.");
            return;
        }
        chain.doFilter(request.getRequestURI().endsWith("/mcp/") ? new WithoutTrailingSlash(request) : request, response);
    }

    private static String quote(String value) {
        var printable = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return "'" + printable.replaceAll("[^\\x20-\\x7e]", "?").replace("\\", "/") + "'";
    }

    /** {@code http://localhost:*} → any port; everything else is matched literally. */
    private static Pattern toPattern(String origin) {
        var parts = origin.split("\\*", -1);
        var regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("\\d{1,5}");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static final class WithoutTrailingSlash extends HttpServletRequestWrapper {

        WithoutTrailingSlash(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            var uri = super.getRequestURI();
            return uri.substring(0, uri.length() - 1);
        }

        @Override
        public StringBuffer getRequestURL() {
            var url = super.getRequestURL();
            url.setLength(url.length() - 1);
            return url;
        }

        @Override
        public String getPathInfo() {
            return null;
        }
    }
}
