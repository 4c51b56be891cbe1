package io.kycflow.flow;

import java.util.List;
import java.util.UUID;

import io.kycflow.shared.RequestFields;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** PATCH-style change of a flow: absent fields stay as they are; configs merge field by field. */
public record FlowPatch(UUID flowId, @Nullable String name, @Nullable String displayName,
                        @Nullable List<UUID> technologyIds, @Nullable ObjectNode flowConfig,
                        @Nullable ObjectNode technologyConfigs) {

    private static final RequestFields FIELDS = new RequestFields("request_data",
            List.of("flow_id", "name", "display_name", "technology_ids", "flow_config", "technology_configs"));

    public static FlowPatch from(@Nullable JsonNode data) {
        var object = FIELDS.object(data);
        var flowId = FIELDS.requiredUuid(object, "flow_id");
        List<UUID> technologyIds = object.has("technology_ids") ? FIELDS.uuidList(object, "technology_ids", true) : null;
        return new FlowPatch(flowId, FIELDS.optionalText(object, "name", 100),
                FIELDS.optionalText(object, "display_name", 200), technologyIds,
                FIELDS.optionalObject(object, "flow_config"), FIELDS.optionalObject(object, "technology_configs"));
    }
}
