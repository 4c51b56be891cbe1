package io.kycflow.flow;

/**
 * A flow just created, together with its plain API key (the caller shows it once; afterwards {@link FlowService#apiKey}
 * opens the stored one).
 */
public record IssuedFlow(Flow flow, String apiKey) {
}
