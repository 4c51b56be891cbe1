-- A person may decline the verification on the hosted page (POST /flow/{session_id}/decline): the session then ends
-- FAILED with the session-level failure reason user_declined, which this column records (no step failed).
ALTER TABLE flow_session ADD COLUMN user_declined BOOLEAN DEFAULT FALSE NOT NULL;
