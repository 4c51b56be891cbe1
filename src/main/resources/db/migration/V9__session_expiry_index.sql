-- The expiry sweeper (session module) finds open sessions past their TTL through this index: a round reads the
-- sessions that expired since the previous one, not the whole table. expires_at never changes after creation,
-- so the index costs only at insert (measured in bench/README.md), not at every attempt. PostgreSQL could keep
-- a partial index of open sessions only; H2 has none, and one portable definition keeps both the same.
CREATE INDEX flow_session_expiry_ix ON flow_session (expires_at);
