package io.kycflow.verification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.springframework.stereotype.Service;

/**
 * Picks the engine for a step and holds engines to their technology's declared result block. A sandbox session
 * gets the sandbox engine; any other session only a real one ({@link EngineUnavailableException} when none is
 * installed): PRODUCTION never reaches a sandbox engine.
 */
@Service
public class VerificationEngines {

    private final Map<TechnologyCode, VerificationEngine> sandbox = new EnumMap<>(TechnologyCode.class);
    private final Map<TechnologyCode, VerificationEngine> real = new EnumMap<>(TechnologyCode.class);
    private final TechnologyCatalog catalog;

    VerificationEngines(List<VerificationEngine> engines, TechnologyCatalog catalog) {
        this.catalog = catalog;
        for (var engine : engines) {
            if (!engine.available()) {
                continue;
            }
            for (var technology : engine.technologies()) {
                var previous = (engine.sandbox() ? sandbox : real).put(technology, engine);
                if (previous != null) {
                    throw new IllegalStateException("Two " + (engine.sandbox() ? "sandbox" : "real") + " engines for "
                            + technology + ": " + previous.getClass().getSimpleName() + " and " + engine.getClass().getSimpleName());
                }
            }
        }
    }

    /** Runs the step's engine and checks its block against the technology's result schema. */
    public EngineVerdict verify(boolean sandboxSession, EngineInput input) {
        var engine = (sandboxSession ? sandbox : real).get(input.technology());
        if (engine == null) {
            throw new EngineUnavailableException(input.technology());
        }
        if (!sandboxSession && input.sandboxOutcome() != null) {
            throw new IllegalArgumentException("A sandbox outcome was given for a session that is not a sandbox");
        }
        var verdict = engine.verify(input);
        var problems = catalog.get(input.technology()).resultSchema().problems(verdict.result());
        if (!problems.isEmpty() || verdict.passed() != verdict.result().path("result").asBoolean(!verdict.passed())) {
            throw new IllegalStateException(engine.getClass().getSimpleName() + " broke the " + input.technology()
                    + " result contract: " + problems);
        }
        return verdict;
    }

    /** Whether a session of this kind can be verified for the technology on this server. */
    public boolean available(boolean sandboxSession, TechnologyCode technology) {
        return (sandboxSession ? sandbox : real).containsKey(technology);
    }
}
