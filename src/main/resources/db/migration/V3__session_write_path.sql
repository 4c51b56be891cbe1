-- The session create path writes one row. Measured on the embedded default (bench/README.md): every B-tree a
-- new session touches is rewritten at each group commit, and V1's flow_session had five of them (primary,
-- primary-key index, two listing indexes, and two indexes H2 adds on its own for foreign keys whose columns
-- no index matches exactly) plus one step row per technology with three more.
--   * A session keeps its plan (technology codes and attempt budgets, fixed at creation) in steps_plan; its
--     session_step rows are written when its first attempt is recorded. NULL plan: rows written at creation.
--   * No foreign keys from flow_session to flow and organization: sessions are written only by the
--     application from a flow it has just resolved, and flows and organizations are never deleted. The one
--     listing index is the organization's, newest first (the Cabinet's session list).
-- Portable: the table is rebuilt (constraint names differ between H2 and PostgreSQL); tables that reference
-- it get their foreign keys back, now named.

CREATE TABLE flow_session_v3 (
    id              UUID                     NOT NULL,
    flow_id         UUID                     NOT NULL,
    organization_id UUID                     NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    sandbox         BOOLEAN                  NOT NULL,
    overall_result  BOOLEAN,
    metadata        TEXT,
    steps_plan      VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT flow_session_pk PRIMARY KEY (id),
    CONSTRAINT flow_session_status_ck3 CHECK (status IN
        ('CREATED', 'IN_PROGRESS', 'FINISHED', 'FAILED', 'EXPIRED', 'APPROVED', 'DECLINED'))
);

INSERT INTO flow_session_v3 (id, flow_id, organization_id, status, sandbox, overall_result, metadata, steps_plan,
                             created_at, started_at, finished_at, expires_at, updated_at)
SELECT id, flow_id, organization_id, status, sandbox, overall_result, metadata, NULL,
       created_at, started_at, finished_at, expires_at, updated_at
FROM flow_session;

DROP TABLE flow_session CASCADE;
ALTER TABLE flow_session_v3 RENAME TO flow_session;
ALTER TABLE flow_session RENAME CONSTRAINT flow_session_status_ck3 TO flow_session_status_ck;
CREATE INDEX flow_session_org_ix ON flow_session (organization_id, created_at);

ALTER TABLE session_step ADD CONSTRAINT session_step_session_fk FOREIGN KEY (session_id) REFERENCES flow_session (id);
ALTER TABLE media ADD CONSTRAINT media_session_fk FOREIGN KEY (session_id) REFERENCES flow_session (id);
ALTER TABLE review ADD CONSTRAINT review_session_fk FOREIGN KEY (session_id) REFERENCES flow_session (id);
