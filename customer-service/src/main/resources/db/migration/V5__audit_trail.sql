-- The audit trail: one sequence of entries, each hashing the one before it, so that a changed,
-- removed or inserted entry breaks the chain from there on. Append-only: updates are refused, and
-- deletes only by the retention purge, which removes the oldest entries (the first one left keeps
-- the hash of its predecessor, and the chain is checked from there).
CREATE TABLE audit_entry
(
  sequence       BIGINT PRIMARY KEY,
  event_id       UUID        NOT NULL UNIQUE,
  service        TEXT        NOT NULL,
  actor          TEXT        NOT NULL,
  actor_roles    TEXT        NOT NULL,
  action         TEXT        NOT NULL,
  resource       TEXT        NOT NULL,
  outcome        TEXT        NOT NULL,
  client_address TEXT        NOT NULL,
  occurred_at    TIMESTAMPTZ NOT NULL,
  recorded_at    TIMESTAMPTZ NOT NULL,
  previous_hash  TEXT        NOT NULL,
  hash           TEXT        NOT NULL
);
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, occurred_at);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS
$$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('marketplace.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
