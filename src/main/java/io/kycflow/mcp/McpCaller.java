package io.kycflow.mcp;

import io.kycflow.organization.Organization;

/**
 * The organization behind an MCP request, resolved from its API key by the auth filter and handed to tools
 * through the SDK's transport context (never through a global).
 *
 * @param keyFingerprint non-secret label of the key that acted, recorded as review author
 */
public record McpCaller(Organization organization, String keyFingerprint) {

    public static final String CONTEXT_KEY = "kycflow.mcp.caller";

    public String author() {
        return "org_api_key:" + keyFingerprint;
    }
}
