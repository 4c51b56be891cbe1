package io.kycflow.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.kycflow.session.internal.MetadataIndex;
import io.kycflow.technology.TechnologyCode;
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
    private final MetadataIndex metadataIndex;

    SessionSearch(SessionRepository sessions, MetadataIndex metadataIndex) {
        this.sessions = sessions;
        this.metadataIndex = metadataIndex;
    }

    /**
     * @param metadataValue a value in the session's metadata (e.g. the customer's user id), matched as a whole JSON
     *                      string or number at any depth, through its keyed hash ({@link MetadataIndex})
     * @param before        the last id of the previous page; null for the first
     */
    public record Filter(@Nullable SessionStatus status, @Nullable UUID flowId, @Nullable Instant from,
                         @Nullable Instant to, @Nullable String metadataValue, @Nullable UUID before) {
    }

    /** A session as the Cabinet's overview counts it: its status, each step's status, when it finished. */
    public record Outline(UUID id, SessionStatus status, Map<TechnologyCode, StepStatus> steps,
                          @Nullable OffsetDateTime finishedAt) {
    }

    /** @param next the id to pass as {@code before} for the next page; null on the last page */
    public record Page(List<Session> sessions, @Nullable UUID next) {
    }

    /**
     * One page, read along the index that serves the filter, so the database stops after {@code limit + 1} rows
     * whatever the organization's size: a metadata value through the side table (value hash, id), a
     * status through (organization, status, id), a flow through (organization, flow, id), otherwise (organization,
     * id). The ORDER BY names the index's leading columns although they are fixed by the filter: H2 uses an index
     * for the order only when the ORDER BY is its prefix.
     */
    public Page page(UUID organizationId, Filter filter, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        var value = filter.metadataValue() == null ? "" : filter.metadataValue().strip();
        var byMetadata = !value.isEmpty();
        var id = byMetadata ? "m.session_id" : "id";
        var where = new StringBuilder();
        var params = new ArrayList<Object>();
        String order;
        if (byMetadata) {
            where.append("m.value_hash = ? AND s.organization_id = ?");
            params.add(metadataIndex.hash(organizationId, value));
            params.add(organizationId);
            order = "m.value_hash DESC, m.session_id DESC";
        } else {
            where.append("organization_id = ?");
            params.add(organizationId);
            order = filter.status() != null ? "organization_id DESC, status DESC, id DESC"
                    : filter.flowId() != null ? "organization_id DESC, flow_id DESC, id DESC"
                    : "organization_id DESC, id DESC";
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (filter.flowId() != null) {
            where.append(" AND flow_id = ?");
            params.add(filter.flowId());
        }
        if (filter.from() != null) {
            where.append(" AND ").append(id).append(" >= ?");
            params.add(lowestIdAt(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND ").append(id).append(" < ?");
            params.add(lowestIdAt(filter.to()));
        }
        if (filter.before() != null) {
            where.append(" AND ").append(id).append(" < ?");
            params.add(filter.before());
        }
        var found = byMetadata ? sessions.pageByMetadata(where.toString(), params, order, size + 1)
                : sessions.page(where.toString(), params, order, size + 1);
        var more = found.size() > size;
        var shown = more ? found.subList(0, size) : found;
        return new Page(List.copyOf(shown), more ? shown.getLast().id() : null);
    }

    /** Sessions created in [from, to), newest first, at most {@code limit} (the overview's figures). */
    public List<Session> createdBetween(UUID organizationId, Instant from, Instant to, int limit) {
        return sessions.page("organization_id = ? AND id >= ? AND id < ?",
                List.of(organizationId, lowestIdAt(from), lowestIdAt(to)), "organization_id DESC, id DESC", limit);
    }

    /**
     * Every session created in [from, to), one at a time, in no order: what the Cabinet's live overview is rebuilt
     * from after a start (it then follows {@link SessionEvent}s).
     */
    public void eachCreatedBetween(UUID organizationId, Instant from, Instant to, Consumer<Outline> action) {
        sessions.eachOutline("organization_id = ? AND id >= ? AND id < ?",
                List.of(organizationId, lowestIdAt(from), lowestIdAt(to)), action);
    }

    /** The smallest UUIDv7 of the millisecond {@code at}: every id created at or after it compares greater. */
    public static UUID lowestIdAt(Instant at) {
        long millis = Math.max(0, at.toEpochMilli());
        return new UUID((millis << 16) | 0x7000L, 0x8000000000000000L);
    }

}
