package io.kycflow.mcp.internal;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Server-to-client requests (elicitations) waiting for the client's answer, per MCP session. When the rate
 * budget is spent, the limiter lets through at most one JSON-RPC response per outstanding request of that
 * session, so a person's answer never strands a tool call — and nobody gains requests beyond that. A client's
 * response in a session with nothing outstanding answers nothing, and is refused before the SDK sees it.
 */
@Component
public class PendingAnswers {

    private final ConcurrentHashMap<String, State> sessions = new ConcurrentHashMap<>();

    public void expect(String sessionId) {
        sessions.compute(sessionId, (k, state) -> {
            var next = state == null ? new State() : state;
            next.pending++;
            return next;
        });
    }

    /** Runs a server-to-client request (elicitation, sampling), expecting the client's answer while it is out. */
    public <T> T awaiting(String sessionId, java.util.function.Supplier<T> request) {
        expect(sessionId);
        try {
            return request.get();
        } finally {
            settle(sessionId);
        }
    }

    /** The server-to-client request completed: answered, timed out or failed. */
    public void settle(String sessionId) {
        sessions.computeIfPresent(sessionId, (k, state) -> {
            state.pending--;
            state.admitted = Math.min(state.admitted, state.pending);
            return state.pending <= 0 ? null : state;
        });
    }

    /** Cheap pre-check: whether the session has anything outstanding at all. */
    public boolean waiting(String sessionId) {
        return sessions.containsKey(sessionId);
    }

    /** Lets one over-budget answer through if the session still has an unanswered request. */
    public boolean admit(String sessionId) {
        var admitted = new boolean[1];
        sessions.computeIfPresent(sessionId, (k, state) -> {
            if (state.admitted < state.pending) {
                state.admitted++;
                admitted[0] = true;
            }
            return state;
        });
        return admitted[0];
    }

    private static final class State {
        int pending;
        int admitted;
    }
}
