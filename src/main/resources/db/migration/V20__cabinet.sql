-- The Cabinet: people who sign in to an organization's console, their invitations and the organization's audit log.
-- Portable SQL (H2 2.x and PostgreSQL).

CREATE TABLE cabinet_member (
    id              UUID                     NOT NULL,
    organization_id UUID                     NOT NULL REFERENCES organization (id),
    email           VARCHAR(254)             NOT NULL,
    role            VARCHAR(16)              NOT NULL,
    password_hash   VARCHAR(200)             NOT NULL,
    failed_logins   INTEGER                  NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cabinet_member_pk PRIMARY KEY (id),
    CONSTRAINT cabinet_member_role_ck CHECK (role IN ('OWNER', 'ADMIN', 'REVIEWER', 'VIEWER'))
);
-- An e-mail signs in to one organization: the login form has no organization field.
CREATE UNIQUE INDEX cabinet_member_email_ux ON cabinet_member (email);
CREATE INDEX cabinet_member_org_ix ON cabinet_member (organization_id);

-- Only the SHA-256 of an invitation's token is kept: the link itself is shown (or sent) once.
CREATE TABLE cabinet_invitation (
    token_hash      CHAR(64)                 NOT NULL,
    organization_id UUID                     NOT NULL REFERENCES organization (id),
    email           VARCHAR(254)             NOT NULL,
    role            VARCHAR(16)              NOT NULL,
    invited_by      VARCHAR(254)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT cabinet_invitation_pk PRIMARY KEY (token_hash),
    CONSTRAINT cabinet_invitation_role_ck CHECK (role IN ('OWNER', 'ADMIN', 'REVIEWER', 'VIEWER'))
);
CREATE INDEX cabinet_invitation_org_ix ON cabinet_invitation (organization_id, created_at);

-- Append-only. actor is an e-mail (or the address tried at a failed sign-in); detail never holds a secret.
CREATE TABLE cabinet_audit (
    id              UUID                     NOT NULL,
    organization_id UUID,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(254)             NOT NULL,
    action          VARCHAR(40)              NOT NULL,
    target          VARCHAR(100),
    detail          VARCHAR(500),
    ip              VARCHAR(64)              NOT NULL,
    CONSTRAINT cabinet_audit_pk PRIMARY KEY (id)
);
CREATE INDEX cabinet_audit_org_ix ON cabinet_audit (organization_id, id);

-- The Cabinet lists an organization's sessions newest first, a page at a time, keyed by the time-ordered session id
-- (UUIDv7: its first 48 bits are the creation millisecond), so a date range is an id range too. The listing index
-- nobody read yet, (organization_id, created_at), is replaced rather than joined: the create path keeps one listing
-- B-tree (V3).
DROP INDEX flow_session_org_ix;
CREATE INDEX flow_session_org_id_ix ON flow_session (organization_id, id);
