CREATE TABLE customer_order
(
  id                     UUID PRIMARY KEY,
  customer_id            TEXT        NOT NULL,
  status                 TEXT        NOT NULL,
  cancel_reason          TEXT,
  card_token             TEXT        NOT NULL,
  total_minor            BIGINT      NOT NULL,
  currency               TEXT        NOT NULL,
  payment_id             TEXT,
  awaiting_stock_release BOOLEAN     NOT NULL,
  awaiting_payment_void  BOOLEAN     NOT NULL,
  placed_at              TIMESTAMPTZ NOT NULL,
  updated_at             TIMESTAMPTZ NOT NULL,
  version                BIGINT      NOT NULL
);
CREATE INDEX customer_order_customer_idx ON customer_order (customer_id, placed_at DESC);

CREATE TABLE order_line
(
  order_id         UUID    NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
  position         INT     NOT NULL,
  sku              TEXT    NOT NULL,
  vendor_id        TEXT    NOT NULL,
  product_name     TEXT    NOT NULL,
  quantity         INT     NOT NULL,
  unit_price_minor BIGINT  NOT NULL,
  currency         TEXT    NOT NULL,
  PRIMARY KEY (order_id, position)
);

CREATE TABLE order_part
(
  order_id        UUID NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
  position        INT  NOT NULL,
  vendor_id       TEXT NOT NULL,
  status          TEXT NOT NULL,
  tracking_number TEXT,
  shipped_at      TIMESTAMPTZ,
  PRIMARY KEY (order_id, position)
);
CREATE INDEX order_part_vendor_idx ON order_part (vendor_id);

CREATE TABLE order_timeline
(
  order_id UUID        NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
  position INT         NOT NULL,
  status   TEXT        NOT NULL,
  detail   TEXT,
  at       TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (order_id, position)
);

-- A checkout's Idempotency-Key, per shopper: the same key again returns the same order.
CREATE TABLE checkout_request
(
  customer_id     TEXT        NOT NULL,
  idempotency_key TEXT        NOT NULL,
  request_hash    TEXT        NOT NULL,
  order_id        UUID        NOT NULL REFERENCES customer_order (id),
  created_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (customer_id, idempotency_key)
);

-- What can be sold, at what price, from whom: the newest catalog event per product.
CREATE TABLE sellable_sku
(
  sku             TEXT PRIMARY KEY,
  product_id      TEXT    NOT NULL,
  product_version BIGINT  NOT NULL,
  vendor_id       TEXT    NOT NULL,
  name            TEXT    NOT NULL,
  price_minor     BIGINT  NOT NULL,
  currency        TEXT    NOT NULL,
  published       BOOLEAN NOT NULL
);
CREATE INDEX sellable_sku_product_idx ON sellable_sku (product_id);
