package io.kycflow.remote.internal;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code device_binding} rows (V7). Every write runs in its own transaction, so that on the embedded default it
 * is flushed to disk before the browser is answered, and every change of an existing row is a conditional UPDATE
 * whose row count says whether it happened: two requests racing for the same change cannot both succeed.
 */
@Repository
class DeviceBindingRepository {

    private final JdbcClient jdbc;

    DeviceBindingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A session's binding; hashes only, never a secret. */
    record Binding(UUID sessionId, String deviceHash, @Nullable String previousDeviceHash, @Nullable String handoffHash,
                   @Nullable OffsetDateTime handoffExpiresAt, @Nullable String usedHandoffHash, OffsetDateTime boundAt,
                   @Nullable OffsetDateTime handedOffAt) {
    }

    Optional<Binding> find(UUID sessionId) {
        return jdbc.sql("SELECT * FROM device_binding WHERE session_id = ?").param(sessionId)
                .query((rs, n) -> new Binding(rs.getObject("session_id", UUID.class), rs.getString("device_hash"),
                        rs.getString("previous_device_hash"), rs.getString("handoff_hash"),
                        rs.getObject("handoff_expires_at", OffsetDateTime.class), rs.getString("used_handoff_hash"),
                        rs.getObject("bound_at", OffsetDateTime.class), rs.getObject("handed_off_at", OffsetDateTime.class)))
                .optional();
    }

    /**
     * Binds an unbound session to a device.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the session is bound already (another browser won)
     */
    @Transactional
    void bind(UUID sessionId, String deviceHash, OffsetDateTime now) {
        jdbc.sql("INSERT INTO device_binding (session_id, device_hash, bound_at) VALUES (?, ?, ?)")
                .params(sessionId, deviceHash, now).update();
    }

    /** Replaces the outstanding hand-off token, if the device is still the bound one and the session was never handed off. */
    @Transactional
    boolean offerHandoff(UUID sessionId, String deviceHash, String handoffHash, OffsetDateTime expiresAt) {
        return jdbc.sql("""
                        UPDATE device_binding SET handoff_hash = ?, handoff_expires_at = ?
                        WHERE session_id = ? AND device_hash = ? AND handed_off_at IS NULL""")
                .params(handoffHash, expiresAt, sessionId, deviceHash).update() == 1;
    }

    /**
     * Moves the binding to the claiming device, once: only while the token is the outstanding one, unexpired, and the
     * session was never handed off. The device it leaves becomes the previous device.
     */
    @Transactional
    boolean claim(UUID sessionId, String handoffHash, String newDeviceHash, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE device_binding SET previous_device_hash = device_hash, device_hash = ?, handoff_hash = NULL,
                            handoff_expires_at = NULL, used_handoff_hash = ?, handed_off_at = ?
                        WHERE session_id = ? AND handoff_hash = ? AND handoff_expires_at > ? AND handed_off_at IS NULL""")
                .params(newDeviceHash, handoffHash, now, sessionId, handoffHash, now).update() == 1;
    }
}
