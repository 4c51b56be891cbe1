package io.kycflow.api;

import io.kycflow.flow.Flow;
import io.kycflow.flow.FlowService;
import io.kycflow.security.ApiKeys;
import io.kycflow.shared.KycException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The flow a runtime request's flow API key names, or the one 401 every runtime endpoint answers. */
@Component
class FlowKeys {

    private final FlowService flows;

    FlowKeys(FlowService flows) {
        this.flows = flows;
    }

    Flow resolve(@Nullable String apiKey, String field) {
        return flows.findByApiKey(apiKey == null ? "" : apiKey).orElseThrow(() -> new KycException(
                KycException.Kind.UNAUTHORIZED, "invalid_flow_api_key", field,
                "The flow API key is not valid. Use the api_key of a flow (get_flow shows it), not the organization key."));
    }

    /** Who looks at media through this key, as the access log records it: a label of the key, never the key. */
    static String viewer(String apiKey) {
        return "flow_api_key:" + ApiKeys.fingerprint(apiKey);
    }
}
