-- Returns: some delivered lines of one vendor's part sent back, decided by the vendor, received
-- (restocked or written off) and refunded through payment, keyed by the return's id.
CREATE TABLE order_return
(
  id                UUID PRIMARY KEY,
  order_id          UUID        NOT NULL REFERENCES customer_order (id),
  customer_id       TEXT        NOT NULL,
  vendor_id         TEXT        NOT NULL,
  status            TEXT        NOT NULL,
  reason            TEXT        NOT NULL,
  decision_reason   TEXT,
  currency          TEXT        NOT NULL,
  refund_minor      BIGINT CHECK (refund_minor >= 0),
  shipping_refunded BOOLEAN     NOT NULL,
  restock_location  TEXT,
  restock_outcome   TEXT,
  requested_at      TIMESTAMPTZ NOT NULL,
  decided_at        TIMESTAMPTZ,
  received_at       TIMESTAMPTZ,
  refunded_at       TIMESTAMPTZ,
  waiting_since     TIMESTAMPTZ,
  resends           INT         NOT NULL,
  version           BIGINT      NOT NULL
);
CREATE INDEX order_return_order_idx ON order_return (order_id);
CREATE INDEX order_return_vendor_idx ON order_return (vendor_id, requested_at DESC);
-- The refunds awaited: what ReturnDeadlines reads every few seconds.
CREATE INDEX order_return_received_idx ON order_return (waiting_since) WHERE status = 'RECEIVED';

CREATE TABLE order_return_line
(
  return_id        UUID   NOT NULL REFERENCES order_return (id) ON DELETE CASCADE,
  position         INT    NOT NULL,
  sku              TEXT   NOT NULL,
  quantity         INT    NOT NULL CHECK (quantity > 0),
  unit_price_minor BIGINT NOT NULL,
  PRIMARY KEY (return_id, position)
);

-- How many days after delivery a vendor takes returns (marketplace.orders.returns.default-window
-- for vendors without a row).
CREATE TABLE vendor_return_policy
(
  vendor_id   TEXT PRIMARY KEY,
  window_days INT         NOT NULL CHECK (window_days BETWEEN 0 AND 365),
  updated_at  TIMESTAMPTZ NOT NULL
);
