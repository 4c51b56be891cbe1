package io.kycflow.flow;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * A verification pipeline: ordered technologies, the flow-level config and one complete config per technology
 * (defaults filled in), plus the per-flow API key the customer's backend uses at runtime.
 */
public record Flow(UUID id, UUID organizationId, String name, String displayName, List<UUID> technologyIds,
                   ObjectNode flowConfig, ObjectNode technologyConfigs, String apiKey,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public Flow {
        technologyIds = List.copyOf(technologyIds);
    }

    public int sessionTtlMinutes() {
        return flowConfig.get("session_ttl_minutes").intValue();
    }
}
