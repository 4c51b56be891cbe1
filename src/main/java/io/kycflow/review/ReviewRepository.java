package io.kycflow.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.kycflow.session.SessionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Insert and read only: the trail is append-only by construction. */
@Repository
class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID organizationId, Review review) {
        jdbc.sql("""
                        INSERT INTO review (id, session_id, organization_id, type, message, from_status, to_status, author,
                            created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(review.id(), review.sessionId(), organizationId, review.type().name(), review.message(),
                        review.fromStatus() == null ? null : review.fromStatus().name(),
                        review.toStatus() == null ? null : review.toStatus().name(), review.author(), review.createdAt())
                .update();
    }

    List<Review> findBySession(UUID organizationId, UUID sessionId) {
        return jdbc.sql("""
                        SELECT * FROM review WHERE session_id = ? AND organization_id = ? ORDER BY seq""")
                .params(sessionId, organizationId)
                .query((rs, n) -> new Review(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
                        ReviewType.valueOf(rs.getString("type")), rs.getString("message"),
                        status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("author"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    private static SessionStatus status(String name) {
        return name == null ? null : SessionStatus.valueOf(name);
    }
}
