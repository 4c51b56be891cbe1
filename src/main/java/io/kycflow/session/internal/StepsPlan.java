package io.kycflow.session.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.kycflow.session.SessionStep;
import io.kycflow.session.StepStatus;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;

/**
 * A new session's steps as one column, {@code LD:3,DR:3,F2F:3} (technology code and attempt budget, in flow
 * order), fixed at creation so later flow edits do not change a running session. The session's step rows are
 * written from it when the first attempt is recorded: creating a session stays a single-row insert.
 */
final class StepsPlan {

    private StepsPlan() {
    }

    static String of(List<SessionStep> steps) {
        return steps.stream().map(s -> s.technology().name() + ":" + s.maxAttempts()).collect(Collectors.joining(","));
    }

    /** The plan's steps, all pending; empty for sessions whose steps were written as rows at creation. */
    static List<SessionStep> parse(@Nullable String plan, TechnologyCatalog catalog) {
        if (plan == null || plan.isEmpty()) {
            return List.of();
        }
        var steps = new ArrayList<SessionStep>();
        for (var entry : plan.split(",")) {
            int colon = entry.indexOf(':');
            var technology = catalog.get(TechnologyCode.valueOf(entry.substring(0, colon)));
            steps.add(new SessionStep(steps.size(), technology.id(), technology.code(), StepStatus.PENDING, 0,
                    Integer.parseInt(entry.substring(colon + 1)), null, null, null, null));
        }
        return steps;
    }
}
