package io.kycflow.verification;

import java.util.Set;

import io.kycflow.technology.TechnologyCode;

/**
 * One technology's verification: from the step's captures, the technology's config and what earlier steps
 * produced, to a verdict. Engines run outside any database lock or transaction (a real one takes hundreds of
 * milliseconds); the session records the verdict afterwards under its row lock.
 */
public interface VerificationEngine {

    /** The technologies it verifies (the three digital-signature variants share one engine, say). */
    Set<TechnologyCode> technologies();

    /** Sandbox engines serve TEST/DEMO organizations only and label every block they produce. */
    boolean sandbox();

    EngineVerdict verify(EngineInput input);

    /**
     * Whether it can run on this server: a real engine whose models are missing says no, and is then not offered
     * for any session (a PRODUCTION capture is refused with {@code engine_unavailable}, never faked).
     */
    default boolean available() {
        return true;
    }
}
