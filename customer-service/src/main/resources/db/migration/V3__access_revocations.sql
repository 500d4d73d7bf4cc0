-- The latest revocation of each subject (account or API client) and vendor, as published on
-- identity.revocations. The token endpoint reads it to date a token issued in the same second as
-- a revocation after it (token times have whole seconds).
CREATE TABLE access_revocation
(
  scope      TEXT        NOT NULL, -- SUBJECT, VENDOR
  subject    TEXT        NOT NULL,
  reason     TEXT        NOT NULL,
  revoked_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (scope, subject)
);
CREATE INDEX access_revocation_time_idx ON access_revocation (revoked_at);
