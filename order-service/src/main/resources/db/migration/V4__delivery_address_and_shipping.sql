-- Each vendor part's shipping, in the order's currency (orders placed before shipping had none).
ALTER TABLE order_part ADD COLUMN shipping_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_part ALTER COLUMN shipping_minor DROP DEFAULT;

-- Where an order goes, as it was at checkout. Every field is sealed (AES-256-GCM, bound to this
-- row and column); the row goes with the shopper's erasure once the order is closed.
CREATE TABLE order_delivery_address
(
  order_id          UUID PRIMARY KEY REFERENCES customer_order (id) ON DELETE CASCADE,
  recipient         TEXT    NOT NULL,
  line1             TEXT    NOT NULL,
  line2             TEXT,
  city              TEXT    NOT NULL,
  postal_code       TEXT,
  region            TEXT,
  country           TEXT    NOT NULL,
  phone             TEXT,
  erase_when_closed BOOLEAN NOT NULL DEFAULT false
);

-- What each vendor charges to ship its part of an order to a country, in a currency: a flat price,
-- free from an items total. A country without a row is one the vendor does not ship to.
CREATE TABLE shipping_rate
(
  vendor_id       TEXT        NOT NULL,
  country         TEXT        NOT NULL,
  currency        TEXT        NOT NULL,
  price_minor     BIGINT      NOT NULL CHECK (price_minor >= 0),
  free_from_minor BIGINT CHECK (free_from_minor >= 0),
  updated_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (vendor_id, country, currency)
);
