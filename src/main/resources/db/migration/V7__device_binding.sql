-- Device binding of the end user's browser (module io.kycflow.remote). Portable: runs unchanged on H2 2.x and PostgreSQL.
--   * One row per session whose verification page was started in a browser; the session is named by id only, without a
--     foreign key into the session module's table (as media does since V4).
--   * Secrets are never stored: device_hash is the SHA-256 (hex) of the random 256-bit secret in the bound browser's
--     HttpOnly cookie, handoff_hash that of the one-time hand-off token (QR code) while one is outstanding.
--   * previous_device_hash: the browser the session was handed off from, which may still read the progress.
--   * used_handoff_hash: the token that moved the binding, so that presenting it again is told "already used".
--   * handed_off_at: set by the one hand-off a session allows; the claim is a conditional UPDATE on it being null
--     and on the token, so of two devices claiming the same token at once exactly one wins.

CREATE TABLE device_binding (
    session_id           UUID                     NOT NULL,
    device_hash          CHAR(64)                 NOT NULL,
    previous_device_hash CHAR(64),
    handoff_hash         CHAR(64),
    handoff_expires_at   TIMESTAMP WITH TIME ZONE,
    used_handoff_hash    CHAR(64),
    bound_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    handed_off_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT device_binding_pk PRIMARY KEY (session_id)
);
