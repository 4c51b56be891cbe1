package io.kycflow.mcp.internal;

import java.util.List;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

/** A group of features contributed as one bean (the conformance fixtures), merged with the single-feature beans. */
public record McpFeatureSet(List<SyncToolSpecification> tools, List<SyncResourceSpecification> resources,
                            List<SyncPromptSpecification> prompts) {
}
