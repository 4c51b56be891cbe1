-- Core schema. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+.
-- JSON documents are stored as TEXT; they are validated by the application before they are written.

CREATE TABLE technology (
    id          UUID         PRIMARY KEY,
    code        VARCHAR(8)   NOT NULL UNIQUE,
    name        VARCHAR(100) NOT NULL,
    description VARCHAR(500) NOT NULL,
    position    INTEGER      NOT NULL
);

INSERT INTO technology (id, code, name, description, position) VALUES
('9ed130f5-7ccb-5b51-84d8-f4d159e2732c', 'LD',  'Liveness detection',
 'Live-person check on a selfie capture: active challenge (blink / head turn), eye-open check, mask and spoof checks.', 1),
('a28d680e-78fb-5ccb-993f-2fe517a5815c', 'DR',  'Document recognition',
 'Photo of an ID document: OCR of the MRZ and visual zone, ICAO 9303 check digits, country and type allow-lists, portrait crop.', 2),
('a791a885-c390-5435-8055-2a347fee4e01', 'F2F', 'Face-to-face match',
 'Compares the selfie face with the reference face (document portrait or e-document photo) against a similarity threshold.', 3),
('54264246-0f48-5944-8b69-1278e88b75a6', 'ED',  'E-document',
 'Fetches the person''s digital ID document from a government e-document provider (sandbox provider for TEST/DEMO organizations).', 4),
('2942c92d-9c07-5fba-868c-323b42695e05', 'DSI', 'Digital signature: identification',
 'Identifies the person by a signature made with their qualified certificate (CMS). Built in the Cabinet only.', 5),
('da656f95-6242-5eb7-8a54-53d84b3b9932', 'DSN', 'Digital signature: document signing',
 'The person signs a document with their qualified certificate (CMS, non-repudiation). Built in the Cabinet only.', 6),
('3718cdda-fd73-5806-a543-8651341b5a76', 'DSS', 'Digital signature: server-side signing',
 'The person authorizes a signature made with a server-held (cloud) qualified certificate (CMS). Built in the Cabinet only.', 7);

CREATE TABLE organization (
    id           UUID                     PRIMARY KEY,
    name         VARCHAR(200)             NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    api_key      VARCHAR(100)             NOT NULL,
    api_key_hash CHAR(64)                 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT organization_status_ck CHECK (status IN ('TEST', 'DEMO', 'PRODUCTION'))
);
CREATE UNIQUE INDEX organization_api_key_hash_ux ON organization (api_key_hash);

CREATE TABLE subscription (
    organization_id UUID                     NOT NULL REFERENCES organization (id),
    technology_id   UUID                     NOT NULL REFERENCES technology (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, technology_id)
);

CREATE TABLE flow (
    id                 UUID                     PRIMARY KEY,
    organization_id    UUID                     NOT NULL REFERENCES organization (id),
    name               VARCHAR(100)             NOT NULL,
    display_name       VARCHAR(200)             NOT NULL,
    flow_config        TEXT                     NOT NULL,
    technology_configs TEXT                     NOT NULL,
    api_key            VARCHAR(100)             NOT NULL,
    api_key_hash       CHAR(64)                 NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT flow_name_ux UNIQUE (organization_id, name)
);
CREATE UNIQUE INDEX flow_api_key_hash_ux ON flow (api_key_hash);
CREATE INDEX flow_org_created_ix ON flow (organization_id, created_at, id);

CREATE TABLE flow_technology (
    flow_id       UUID    NOT NULL REFERENCES flow (id),
    position      INTEGER NOT NULL,
    technology_id UUID    NOT NULL REFERENCES technology (id),
    PRIMARY KEY (flow_id, position),
    CONSTRAINT flow_technology_once_ux UNIQUE (flow_id, technology_id)
);

CREATE TABLE flow_session (
    id              UUID                     PRIMARY KEY,
    flow_id         UUID                     NOT NULL REFERENCES flow (id),
    organization_id UUID                     NOT NULL REFERENCES organization (id),
    status          VARCHAR(16)              NOT NULL,
    sandbox         BOOLEAN                  NOT NULL,
    overall_result  BOOLEAN,
    metadata        TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT flow_session_status_ck CHECK (status IN
        ('CREATED', 'IN_PROGRESS', 'FINISHED', 'FAILED', 'EXPIRED', 'APPROVED', 'DECLINED'))
);
CREATE INDEX flow_session_flow_ix ON flow_session (flow_id, created_at);
CREATE INDEX flow_session_org_ix ON flow_session (organization_id, created_at);

-- One row per technology of the session, in flow order.
CREATE TABLE session_step (
    session_id     UUID                     NOT NULL REFERENCES flow_session (id),
    position       INTEGER                  NOT NULL,
    technology_id  UUID                     NOT NULL REFERENCES technology (id),
    status         VARCHAR(16)              NOT NULL,
    attempts       INTEGER                  NOT NULL,
    max_attempts   INTEGER                  NOT NULL,
    result         TEXT,
    failure_type   VARCHAR(64),
    failure_detail VARCHAR(1000),
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (session_id, position),
    CONSTRAINT session_step_status_ck CHECK (status IN ('PENDING', 'IN_PROGRESS', 'PASSED', 'FAILED'))
);

-- Every attempt at a step, kept for audit; the step row holds the latest outcome.
CREATE TABLE step_attempt (
    session_id     UUID                     NOT NULL,
    position       INTEGER                  NOT NULL,
    attempt_no     INTEGER                  NOT NULL,
    passed         BOOLEAN                  NOT NULL,
    result         TEXT,
    failure_type   VARCHAR(64),
    failure_detail VARCHAR(1000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, position, attempt_no),
    FOREIGN KEY (session_id, position) REFERENCES session_step (session_id, position)
);

-- Captured images and frames; the bytes live in the media store, rows point at them.
CREATE TABLE media (
    id           UUID                     PRIMARY KEY,
    session_id   UUID                     NOT NULL REFERENCES flow_session (id),
    position     INTEGER                  NOT NULL,
    attempt_no   INTEGER                  NOT NULL,
    kind         VARCHAR(32)              NOT NULL,
    content_type VARCHAR(100)             NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    storage_key  VARCHAR(300)             NOT NULL,
    sha256       CHAR(64)                 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX media_session_ix ON media (session_id, position, attempt_no);

-- Append-only audit trail of a session.
CREATE TABLE review (
    id              UUID                     PRIMARY KEY,
    seq             BIGINT                   GENERATED BY DEFAULT AS IDENTITY NOT NULL UNIQUE,
    session_id      UUID                     NOT NULL REFERENCES flow_session (id),
    organization_id UUID                     NOT NULL REFERENCES organization (id),
    type            VARCHAR(16)              NOT NULL,
    message         VARCHAR(4000),
    from_status     VARCHAR(16),
    to_status       VARCHAR(16),
    author          VARCHAR(100)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT review_type_ck CHECK (type IN ('MESSAGE', 'STATUS_CHANGE'))
);
CREATE INDEX review_session_ix ON review (session_id, created_at);
