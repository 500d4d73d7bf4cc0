-- The simulated provider's own state (a real provider keeps this on its side). No card number or
-- security code is stored: a token maps to the test behaviour its number chose.
CREATE TABLE IF NOT EXISTS simulated_provider_card
(
  token      TEXT PRIMARY KEY,
  behaviour  TEXT                     NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per idempotency key: the request it was first used for and the result every repetition
-- gets back; calls counts every call with the key (timeouts included).
CREATE TABLE IF NOT EXISTS simulated_provider_request
(
  idempotency_key TEXT PRIMARY KEY,
  operation       TEXT                     NOT NULL,
  fingerprint     TEXT                     NOT NULL,
  calls           INT                      NOT NULL,
  outcome         TEXT,
  reference       TEXT,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE IF NOT EXISTS simulated_provider_authorization
(
  id              TEXT PRIMARY KEY,
  idempotency_key TEXT                     NOT NULL UNIQUE,
  card_token      TEXT                     NOT NULL,
  amount_minor    BIGINT                   NOT NULL,
  currency        TEXT                     NOT NULL,
  captured_minor  BIGINT                   NOT NULL,
  voided          BOOLEAN                  NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE IF NOT EXISTS simulated_provider_capture
(
  id               TEXT PRIMARY KEY,
  authorization_id TEXT                     NOT NULL,
  amount_minor     BIGINT                   NOT NULL,
  currency         TEXT                     NOT NULL,
  refunded_minor   BIGINT                   NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
