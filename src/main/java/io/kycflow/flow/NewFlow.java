package io.kycflow.flow;

import java.util.List;
import java.util.UUID;

import io.kycflow.shared.RequestFields;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A request to create a flow, as an agent, the REST API or the Cabinet sends it. */
public record NewFlow(String name, String displayName, List<UUID> technologyIds, @Nullable JsonNode flowConfig,
                      @Nullable ObjectNode technologyConfigs) {

    private static final RequestFields FIELDS = new RequestFields("request_data",
            List.of("name", "display_name", "technology_ids", "flow_config", "technology_configs"));

    /** Reads {@code request_data}; refuses unknown fields and wrong types with a message naming the field. */
    public static NewFlow from(@Nullable JsonNode data) {
        var object = FIELDS.object(data);
        var name = FIELDS.requiredText(object, "name", 100);
        var displayName = FIELDS.optionalText(object, "display_name", 200);
        return new NewFlow(name, displayName == null ? name : displayName, FIELDS.uuidList(object, "technology_ids", true),
                FIELDS.optionalObject(object, "flow_config"), FIELDS.optionalObject(object, "technology_configs"));
    }

    /** The same request with {@code configs} (keyed by config field) added to the technology configs. */
    public NewFlow withTechnologyConfigs(ObjectNode configs) {
        var merged = technologyConfigs == null ? configs.deepCopy() : technologyConfigs.deepCopy();
        configs.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        return new NewFlow(name, displayName, technologyIds, flowConfig, merged);
    }
}
