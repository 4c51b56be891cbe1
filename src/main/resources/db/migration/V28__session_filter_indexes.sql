-- The Cabinet's session list filtered by status or by flow, paged by the time-ordered id (V20): with only
-- (organization_id, id) a rare status or a little-used flow made every page a walk through the organization's
-- sessions until 51 matched (seconds at a million sessions, or the whole date range when none match). Each index
-- is one more B-tree per group commit; bench/README.md has the create throughput before and after.
CREATE INDEX flow_session_org_status_ix ON flow_session (organization_id, status, id);
CREATE INDEX flow_session_org_flow_ix ON flow_session (organization_id, flow_id, id);
