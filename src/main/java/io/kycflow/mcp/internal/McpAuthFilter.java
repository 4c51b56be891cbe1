package io.kycflow.mcp.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kycflow.mcp.McpCaller;
import io.kycflow.organization.OrganizationService;
import io.kycflow.security.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Organization API key auth for {@code /mcp}: {@code Authorization: Bearer <key>} or {@code X-Org-API-Key}.
 * The caller becomes a request attribute that the transport's context extractor hands to tools. An MCP session
 * stays bound to the organization that opened it: another organization's key cannot use its id.
 */
public class McpAuthFilter extends OncePerRequestFilter {

    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private final OrganizationService organizations;
    private final Cache<String, UUID> sessionOwners = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(12)).maximumSize(1_000_000).build();

    public McpAuthFilter(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var key = presentedKey(request);
        var organization = key == null ? null : organizations.authenticate(key).orElse(null);
        if (organization == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"kyc-mcp\"");
            McpResponses.refuse(response, 401, "unauthorized", key == null
                    ? "Missing organization API key: send Authorization: Bearer <org api key> or X-Org-API-Key."
                    : "The organization API key is not valid (wrong, rotated or expired).");
            return;
        }
        var sessionId = request.getHeader(SESSION_HEADER);
        if (sessionId != null) {
            // An id with no record passes on: the SDK answers 404 for it, or opens a new session on a re-initialize.
            // Records outlive the SDK's sessions (evicted after well under an hour idle), so a live session is
            // always bound.
            var owner = sessionOwners.getIfPresent(sessionId);
            if (owner != null && !owner.equals(organization.id())) {
                McpResponses.jsonRpcError(response, 404, null, SdkErrorMessages.SESSION_NOT_FOUND_CODE,
                        SdkErrorMessages.SESSION_NOT_FOUND);
                return;
            }
        }
        request.setAttribute(McpCaller.CONTEXT_KEY, new McpCaller(organization, ApiKeys.fingerprint(key)));
        chain.doFilter(request, response);
        // Any newly issued session is bound, even when the initialize carried a stale session id along.
        var issued = response.getHeader(SESSION_HEADER);
        if (issued != null && !issued.equals(sessionId)) {
            sessionOwners.put(issued, organization.id());
        }
    }

    static @Nullable String presentedKey(HttpServletRequest request) {
        var header = request.getHeader("X-Org-API-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        var authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
