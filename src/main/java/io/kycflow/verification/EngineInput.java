package io.kycflow.verification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What an engine gets for one attempt.
 *
 * @param config        the technology's resolved config for this flow (defaults filled in)
 * @param captures      what the person sent for this step (frames of a liveness burst, document sides, a file)
 * @param earlier       artefacts of the steps already passed, by name (e.g. {@link Artefact#SELFIE} from LD,
 *                      {@link Artefact#REFERENCE_FACE} from DR or ED)
 * @param sandboxOutcome for sandbox engines, what the tester asked for: {@code pass}, {@code fail} or one of the
 *                      technology's failure-reason codes; null for real engines
 * @param session       the session's metadata and the results of its passed steps ({@link SessionFacts#NONE} outside
 *                      a session, e.g. for the Backend API's direct checks)
 */
public record EngineInput(UUID sessionId, TechnologyCode technology, JsonNode config, List<Capture> captures,
                          Map<String, Artefact> earlier, @Nullable String sandboxOutcome, SessionFacts session) {

    public EngineInput {
        captures = List.copyOf(captures);
        earlier = Map.copyOf(earlier);
    }

    /** An input that knows nothing of a session beyond its id. */
    public EngineInput(UUID sessionId, TechnologyCode technology, JsonNode config, List<Capture> captures,
                       Map<String, Artefact> earlier, @Nullable String sandboxOutcome) {
        this(sessionId, technology, config, captures, earlier, sandboxOutcome, SessionFacts.NONE);
    }
}
