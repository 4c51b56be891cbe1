package io.kycflow.media.internal;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.kycflow.media.MediaKind;
import io.kycflow.media.MediaRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code media} and {@code media_access} rows. Writes run in their own transactions, so that on the embedded
 * default they are flushed to disk before the caller is answered.
 */
@Repository
public class MediaRepository {

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row and where its blob is: the storage key and the fingerprint of the master key it was sealed under. */
    public record StoredMedia(MediaRef ref, String storageKey, String keyId) {
    }

    @Transactional
    public void insert(StoredMedia media) {
        var ref = media.ref();
        jdbc.sql("""
                        INSERT INTO media (id, organization_id, session_id, kind, content_type, size_bytes, storage_key, key_id,
                            created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ref.id(), ref.organizationId(), ref.sessionId(), ref.kind().name(), ref.contentType(), ref.size(),
                        media.storageKey(), media.keyId(), ref.createdAt())
                .update();
    }

    public Optional<StoredMedia> find(UUID id) {
        return jdbc.sql("SELECT * FROM media WHERE id = ?").param(id).query(MediaRepository::row).optional();
    }

    /** A session's media in the order it was captured. */
    public java.util.List<MediaRef> ofSession(UUID sessionId) {
        return jdbc.sql("SELECT * FROM media WHERE session_id = ? ORDER BY created_at, id").param(sessionId)
                .query(MediaRepository::row).list().stream().map(StoredMedia::ref).toList(); // list(): a stream would hold the connection
    }

    private static StoredMedia row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredMedia(new MediaRef(rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class), rs.getObject("session_id", UUID.class),
                MediaKind.valueOf(rs.getString("kind")), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getObject("created_at", OffsetDateTime.class)), rs.getString("storage_key"), rs.getString("key_id"));
    }

    /** Audit: {@code viewer} was served object {@code media} at {@code at}. */
    @Transactional
    public void recordAccess(MediaRef media, String viewer, OffsetDateTime at) {
        jdbc.sql("INSERT INTO media_access (media_id, organization_id, viewer, accessed_at) VALUES (?, ?, ?, ?)")
                .params(media.id(), media.organizationId(), viewer, at)
                .update();
    }
}
