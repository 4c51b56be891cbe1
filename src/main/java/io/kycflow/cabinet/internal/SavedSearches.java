package io.kycflow.cabinet.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * Metadata values a member searched for, kept in their HTTP session under an opaque random id, so that the value (a
 * customer's user id, an e-mail) never travels in a URL: not in the address bar, the history, a proxy's or server's
 * access log, or a Referer. The list's address carries only the id; the value stays on the server and is gone when
 * the member signs out or the session ends.
 */
final class SavedSearches {

    /** The newest searches of a session are kept; an older id then answers "expired". */
    static final int KEPT = 20;
    private static final String ATTRIBUTE = SavedSearches.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SavedSearches() {
    }

    /** Keeps {@code metadataValue} in the session; answers the id to put in the URL instead. */
    static String save(HttpSession session, String metadataValue) {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        var id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (session) { // a member's tabs can post at once
            searches(session).put(id, metadataValue);
        }
        return id;
    }

    /** The value saved under {@code id} in this session; null if there is none (another session's, or dropped). */
    static @Nullable String find(HttpSession session, String id) {
        synchronized (session) {
            return searches(session).get(id);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> searches(HttpSession session) {
        var searches = (Map<String, String>) session.getAttribute(ATTRIBUTE);
        if (searches == null) {
            searches = new Newest();
            session.setAttribute(ATTRIBUTE, searches);
        }
        return searches;
    }

    /** Insertion-ordered, the oldest dropped past {@link #KEPT}. */
    private static final class Newest extends LinkedHashMap<String, String> {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    }
}
