-- Warehouses and physical stores; each belongs to one vendor.
CREATE TABLE location
(
  id         UUID PRIMARY KEY,
  vendor_id  TEXT                     NOT NULL,
  name       TEXT                     NOT NULL,
  kind       TEXT                     NOT NULL CHECK (kind IN ('WAREHOUSE', 'STORE')),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX location_vendor_idx ON location (vendor_id, created_at, id);

-- Which SKUs exist and whose they are, as the catalog last said (newest productVersion wins).
CREATE TABLE catalog_product
(
  product_id      TEXT PRIMARY KEY,
  vendor_id       TEXT   NOT NULL,
  product_version BIGINT NOT NULL
);
CREATE TABLE catalog_variant
(
  product_id TEXT NOT NULL REFERENCES catalog_product ON DELETE CASCADE,
  sku        TEXT NOT NULL,
  vendor_id  TEXT NOT NULL,
  PRIMARY KEY (product_id, sku)
);
CREATE INDEX catalog_variant_vendor_sku_idx ON catalog_variant (vendor_id, sku);

-- One row per vendor SKU: the lock every stock change of that SKU takes first, the vendor's
-- low-stock threshold, and what was last announced on inventory.availability.
CREATE TABLE sku_stock
(
  vendor_id           TEXT   NOT NULL,
  sku                 TEXT   NOT NULL,
  low_stock_threshold INT    NOT NULL CHECK (low_stock_threshold >= 0),
  stock_version       BIGINT NOT NULL,
  announced_available INT    NOT NULL,
  announced_level     TEXT,
  PRIMARY KEY (vendor_id, sku)
);

-- Stock of one SKU at one location. Reserved units are part of on hand, so available
-- (on_hand - reserved) can never be negative.
CREATE TABLE stock_level
(
  location_id UUID                     NOT NULL REFERENCES location,
  sku         TEXT                     NOT NULL,
  vendor_id   TEXT                     NOT NULL,
  on_hand     INT                      NOT NULL,
  reserved    INT                      NOT NULL,
  version     BIGINT                   NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (location_id, sku),
  CONSTRAINT stock_level_reserved_within_on_hand CHECK (reserved >= 0 AND reserved <= on_hand)
);
CREATE INDEX stock_level_vendor_sku_idx ON stock_level (vendor_id, sku);

-- One per order: what ReserveStock decided, so a repeated command gets the same answer.
CREATE TABLE reservation
(
  order_id   TEXT PRIMARY KEY,
  status     TEXT                     NOT NULL CHECK (status IN ('HELD', 'FAILED', 'RELEASED', 'COMMITTED')),
  expires_at TIMESTAMP WITH TIME ZONE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reservation_held_expiry_idx ON reservation (expires_at) WHERE status = 'HELD';

-- Units of a SKU held at one location for an order.
CREATE TABLE reservation_line
(
  order_id    TEXT NOT NULL REFERENCES reservation,
  location_id UUID NOT NULL,
  sku         TEXT NOT NULL,
  vendor_id   TEXT NOT NULL,
  quantity    INT  NOT NULL CHECK (quantity > 0),
  state       TEXT NOT NULL CHECK (state IN ('HELD', 'RELEASED', 'COMMITTED')),
  -- Units a commit after release could not find free at the location (a count discrepancy).
  shortfall   INT  NOT NULL DEFAULT 0,
  PRIMARY KEY (order_id, location_id, sku)
);

-- Why a reservation failed: the lines that could not be served.
CREATE TABLE reservation_shortage
(
  order_id  TEXT NOT NULL REFERENCES reservation,
  vendor_id TEXT NOT NULL,
  sku       TEXT NOT NULL,
  requested INT  NOT NULL,
  available INT  NOT NULL,
  PRIMARY KEY (order_id, vendor_id, sku)
);

-- Sales made at a store's till, once each (the till may send a batch again).
CREATE TABLE store_sale
(
  location_id UUID                     NOT NULL REFERENCES location,
  sale_id     TEXT                     NOT NULL,
  sku         TEXT                     NOT NULL,
  quantity    INT                      NOT NULL CHECK (quantity > 0),
  sold_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  -- Units sold beyond what the system had free at the store: a count discrepancy to look into.
  shortfall   INT                      NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (location_id, sale_id)
);

-- Idempotency-Key of vendor requests with stock effects, and the answer given.
CREATE TABLE idempotent_request
(
  vendor_id       TEXT                     NOT NULL,
  idempotency_key TEXT                     NOT NULL,
  fingerprint     TEXT                     NOT NULL,
  response        TEXT,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (vendor_id, idempotency_key)
);
CREATE INDEX idempotent_request_created_idx ON idempotent_request (created_at);
