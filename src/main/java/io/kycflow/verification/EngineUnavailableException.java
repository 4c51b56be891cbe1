package io.kycflow.verification;

import io.kycflow.technology.TechnologyCode;

/**
 * No engine may verify this technology for this organization: a PRODUCTION session never falls back to a sandbox
 * engine, and until real engines are installed its captures are refused with this rather than faked.
 */
public class EngineUnavailableException extends RuntimeException {

    public static final String CODE = "engine_unavailable";

    private final TechnologyCode technology;

    public EngineUnavailableException(TechnologyCode technology) {
        super("No verification engine for " + technology + " is installed on this server for PRODUCTION sessions; "
                + "the capture was not verified and nothing was recorded.");
        this.technology = technology;
    }

    public TechnologyCode technology() {
        return technology;
    }
}
