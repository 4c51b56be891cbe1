package io.kycflow.flow;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * A verification pipeline: ordered technologies, the flow-level config and one complete config per technology
 * (defaults filled in). Its API key, which the customer's backend uses at runtime, is not part of it: it is stored
 * sealed and opened only where it is shown ({@link FlowService#apiKey}).
 */
public record Flow(UUID id, UUID organizationId, String name, String displayName, List<UUID> technologyIds,
                   ObjectNode flowConfig, ObjectNode technologyConfigs, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public Flow {
        technologyIds = List.copyOf(technologyIds);
    }

    public int sessionTtlMinutes() {
        return flowConfig.get("session_ttl_minutes").intValue();
    }
}
