package io.kycflow.flow;

import java.util.List;

import io.kycflow.technology.Technology;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated flow request before it is stored.
 *
 * @param withoutConfig the chosen technologies that have no entry in {@code technology_configs} (in flow order):
 *                      they will get platform defaults unless configs are added
 */
public record FlowDraft(NewFlow request, List<Technology> technologies, ObjectNode flowConfig,
                        ObjectNode technologyConfigs, List<Technology> withoutConfig) {
}
