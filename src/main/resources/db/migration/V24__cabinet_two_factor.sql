-- Cabinet: TOTP two-factor sign-in, recovery codes, the organization's "two-factor required" setting and revocable
-- invitations. Portable SQL (H2 2.x and PostgreSQL).

-- The TOTP secret is sealed (AES-256-GCM under the master key's subkey, the member id as associated data);
-- totp_last_step is the last 30-second step whose code was accepted, so a code works once.
ALTER TABLE cabinet_member ADD COLUMN totp_secret BYTEA;
ALTER TABLE cabinet_member ADD COLUMN totp_last_step BIGINT;
ALTER TABLE cabinet_member ADD COLUMN totp_enabled_at TIMESTAMP WITH TIME ZONE;

-- One-time recovery codes: only their SHA-256 (the codes carry 50 random bits and are shown once).
CREATE TABLE cabinet_recovery_code (
    member_id  UUID                     NOT NULL REFERENCES cabinet_member (id) ON DELETE CASCADE,
    code_hash  CHAR(64)                 NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT cabinet_recovery_code_pk PRIMARY KEY (member_id, code_hash)
);

-- Per-organization Cabinet settings an owner changes; no row = the defaults.
CREATE TABLE cabinet_settings (
    organization_id     UUID    NOT NULL REFERENCES organization (id),
    two_factor_required BOOLEAN NOT NULL,
    CONSTRAINT cabinet_settings_pk PRIMARY KEY (organization_id)
);

ALTER TABLE cabinet_invitation ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
