-- Cards as we keep them: the provider's token and what identifies the card to its owner. The card
-- number and security code are never stored (they go to the provider once, at tokenisation).
CREATE TABLE payment_method
(
  id             UUID PRIMARY KEY,
  customer_id    TEXT        NOT NULL,
  provider_token TEXT        NOT NULL UNIQUE,
  brand          TEXT        NOT NULL,
  last_four      TEXT        NOT NULL CHECK (last_four ~ '^[0-9]{4}$'),
  expiry_month   INT         NOT NULL CHECK (expiry_month BETWEEN 1 AND 12),
  expiry_year    INT         NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX payment_method_customer_idx ON payment_method (customer_id, created_at);

-- One payment per order. Amount and card are absent only for a payment voided before it was
-- authorised (a void that overtook its authorisation).
CREATE TABLE payment
(
  id                        UUID PRIMARY KEY,
  order_id                  TEXT        NOT NULL UNIQUE,
  customer_id               TEXT,
  card_token                TEXT,
  amount_minor              BIGINT CHECK (amount_minor > 0),
  currency                  TEXT,
  state                     TEXT        NOT NULL, -- AUTHORIZING, AUTHORIZED, FAILED, VOIDED
  idempotency_key           TEXT        NOT NULL UNIQUE,
  provider_authorization_id TEXT,
  failure_reason            TEXT,
  failure_message           TEXT,
  released_minor            BIGINT      NOT NULL CHECK (released_minor >= 0),
  version                   BIGINT      NOT NULL,
  created_at                TIMESTAMPTZ NOT NULL,
  updated_at                TIMESTAMPTZ NOT NULL
);

-- Each vendor's captured part (captured once, refunded at most once).
CREATE TABLE vendor_part
(
  id                  UUID PRIMARY KEY,
  payment_id          UUID        NOT NULL REFERENCES payment (id),
  vendor_id           TEXT        NOT NULL,
  currency            TEXT        NOT NULL,
  captured_minor      BIGINT      NOT NULL CHECK (captured_minor > 0),
  provider_capture_id TEXT        NOT NULL,
  captured_at         TIMESTAMPTZ NOT NULL,
  refunded_minor      BIGINT      NOT NULL CHECK (refunded_minor >= 0 AND refunded_minor <= captured_minor),
  provider_refund_id  TEXT,
  refunded_at         TIMESTAMPTZ,
  UNIQUE (payment_id, vendor_id)
);

-- Append-only: every step of a payment's life.
CREATE TABLE payment_history
(
  id           UUID PRIMARY KEY,
  payment_id   UUID        NOT NULL REFERENCES payment (id),
  sequence     INT         NOT NULL,
  at           TIMESTAMPTZ NOT NULL,
  kind         TEXT        NOT NULL,
  vendor_id    TEXT,
  amount_minor BIGINT,
  currency     TEXT,
  detail       TEXT,
  UNIQUE (payment_id, sequence)
);

-- The double-entry ledger, append-only. A transaction's reference is the idempotency key of the
-- step it records, unique, so no step is posted twice.
CREATE TABLE ledger_transaction
(
  id         UUID PRIMARY KEY,
  payment_id UUID        NOT NULL REFERENCES payment (id),
  order_id   TEXT        NOT NULL,
  reference  TEXT        NOT NULL UNIQUE,
  kind       TEXT        NOT NULL, -- AUTHORIZATION, CAPTURE, VOID, REFUND
  currency   TEXT        NOT NULL,
  posted_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ledger_transaction_payment_idx ON ledger_transaction (payment_id, posted_at);

CREATE TABLE ledger_entry
(
  transaction_id UUID   NOT NULL REFERENCES ledger_transaction (id),
  line           INT    NOT NULL,
  account        TEXT   NOT NULL, -- CARDHOLDER, AUTHORIZATION_HOLD, CAPTURED
  vendor_id      TEXT,
  side           TEXT   NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
  amount_minor   BIGINT NOT NULL CHECK (amount_minor > 0),
  currency       TEXT   NOT NULL,
  PRIMARY KEY (transaction_id, line)
);
