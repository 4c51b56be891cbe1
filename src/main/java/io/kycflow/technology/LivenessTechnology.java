package io.kycflow.technology;

import java.util.List;

import org.springframework.stereotype.Component;

@Component
class LivenessTechnology implements TechnologyProvider {

    private static final ConfigSchema SCHEMA = new ConfigSchema("liveness_config", List.of(
            ConfigField.integer("max_attempts", 1, 10, 3, "How many selfie captures the person may try before liveness fails."),
            ConfigField.bool("eye_open_check", true, "Fail captures where the person's eyes are closed."),
            ConfigField.bool("mask_attack_check_required", false, "Also run the mask / 3D spoof attack check."),
            ConfigField.oneOf("challenge", List.of("none", "blink", "head_turn", "random"), "random",
                    "Active challenge the person must perform during capture."),
            ConfigField.number("threshold", 0.5, 0.99, 0.8, "Minimum liveness score (prediction) needed to pass.")));

    @Override
    public TechnologyCode code() {
        return TechnologyCode.LD;
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public String resultField() {
        return "liveness_result";
    }
}
