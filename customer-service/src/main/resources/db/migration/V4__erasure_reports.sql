-- What each service confirmed erasing for an erased customer. No personal data: ids, service
-- names, counts. The shopper reads it with a capability (only its hash is kept), staff by id.
CREATE TABLE erasure_report
(
  customer_id     UUID PRIMARY KEY,
  report_key_hash TEXT        NOT NULL UNIQUE,
  expected        TEXT        NOT NULL, -- comma-separated services that must confirm
  requested_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE erasure_confirmation
(
  customer_id  UUID        NOT NULL REFERENCES erasure_report (customer_id),
  service      TEXT        NOT NULL,
  actions      TEXT        NOT NULL, -- one action per line
  confirmed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (customer_id, service)
);
