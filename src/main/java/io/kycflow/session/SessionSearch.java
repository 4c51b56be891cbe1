package io.kycflow.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.kycflow.session.internal.SessionRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * An organization's sessions, newest first, a page at a time (the Cabinet's list). Pages are keyed by the last
 * session id shown, never by an offset: ids are time-ordered (UUIDv7), so every page, the thousandth too, is one
 * range read of the (organization_id, id) index, and a date range is an id range on the same index.
 */
@Service
public class SessionSearch {

    public static final int MAX_PAGE = 100;

    private final SessionRepository sessions;

    SessionSearch(SessionRepository sessions) {
        this.sessions = sessions;
    }

    /**
     * @param metadataValue a value in the session's metadata (e.g. the customer's user id), matched as a whole JSON
     *                      string or number
     * @param before        the last id of the previous page; null for the first
     */
    public record Filter(@Nullable SessionStatus status, @Nullable UUID flowId, @Nullable Instant from,
                         @Nullable Instant to, @Nullable String metadataValue, @Nullable UUID before) {
    }

    /** @param next the id to pass as {@code before} for the next page; null on the last page */
    public record Page(List<Session> sessions, @Nullable UUID next) {
    }

    public Page page(UUID organizationId, Filter filter, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        var where = new StringBuilder("organization_id = ?");
        var params = new ArrayList<Object>();
        params.add(organizationId);
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (filter.flowId() != null) {
            where.append(" AND flow_id = ?");
            params.add(filter.flowId());
        }
        if (filter.from() != null) {
            where.append(" AND id >= ?");
            params.add(lowestIdAt(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND id < ?");
            params.add(lowestIdAt(filter.to()));
        }
        if (filter.before() != null) {
            where.append(" AND id < ?");
            params.add(filter.before());
        }
        if (filter.metadataValue() != null && !filter.metadataValue().isBlank()) {
            // metadata is stored as compact JSON text: a value is found as a whole string or a whole number
            var value = filter.metadataValue().strip();
            where.append(" AND (metadata LIKE ? ESCAPE '!' OR metadata LIKE ? ESCAPE '!' OR metadata LIKE ? ESCAPE '!')");
            var quoted = "%:\"" + escapeLike(jsonEscaped(value)) + "\"%";
            params.add(quoted);
            params.add("%:" + escapeLike(value) + ",%");
            params.add("%:" + escapeLike(value) + "}%");
        }
        var found = sessions.page(where.toString(), params, size + 1);
        var more = found.size() > size;
        var shown = more ? found.subList(0, size) : found;
        return new Page(List.copyOf(shown), more ? shown.getLast().id() : null);
    }

    /** Sessions created in [from, to), newest first, at most {@code limit} (the overview's figures). */
    public List<Session> createdBetween(UUID organizationId, Instant from, Instant to, int limit) {
        return sessions.page("organization_id = ? AND id >= ? AND id < ?",
                List.of(organizationId, lowestIdAt(from), lowestIdAt(to)), limit);
    }

    /** The smallest UUIDv7 of the millisecond {@code at}: every id created at or after it compares greater. */
    static UUID lowestIdAt(Instant at) {
        long millis = Math.max(0, at.toEpochMilli());
        return new UUID((millis << 16) | 0x7000L, 0x8000000000000000L);
    }

    private static String jsonEscaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
