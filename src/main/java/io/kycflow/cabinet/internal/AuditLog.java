package io.kycflow.cabinet.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.kycflow.shared.Ids;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organization's append-only audit log: who did what, when, from which address. Targets are ids, never personal
 * data or secrets. Entries are keyed by time-ordered ids, so the newest-first listing is an index range.
 */
@Repository
class AuditLog {

    static final int PAGE = 100;

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(UUID id, @Nullable UUID organizationId, OffsetDateTime at, String actor, String action,
                 @Nullable String target, @Nullable String detail, String ip) {
    }

    void record(@Nullable UUID organizationId, String actor, String action, @Nullable String target,
                @Nullable String detail, HttpServletRequest request) {
        jdbc.sql("""
                        INSERT INTO cabinet_audit (id, organization_id, at, actor, action, target, detail, ip)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.timeOrdered(), organizationId, Members.now(), clip(actor, 254), action, target,
                        detail == null ? null : clip(detail, 500), clip(String.valueOf(request.getRemoteAddr()), 64))
                .update();
    }

    /** Newest first; {@code action} and {@code actor} filter exactly when given. */
    List<Entry> list(UUID organizationId, @Nullable String action, @Nullable String actor, @Nullable UUID before, int limit) {
        var where = new StringBuilder("organization_id = ?");
        var params = new ArrayList<Object>(List.of(organizationId));
        if (action != null && !action.isBlank()) {
            where.append(" AND action = ?");
            params.add(action.strip());
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" AND actor = ?");
            params.add(Members.normalized(actor));
        }
        if (before != null) {
            where.append(" AND id < ?");
            params.add(before);
        }
        return jdbc.sql("SELECT id, organization_id, at, actor, action, target, detail, ip FROM cabinet_audit WHERE " + where
                        + " ORDER BY organization_id DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(params).query(Entry.class).list();
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
