-- Returns whose units were put back on hand: one row per return, so a repeated command restocks
-- nothing twice.
CREATE TABLE restock
(
  return_id    TEXT PRIMARY KEY,
  order_id     TEXT        NOT NULL,
  vendor_id    TEXT        NOT NULL,
  location_id  UUID        NOT NULL,
  restocked_at TIMESTAMPTZ NOT NULL
);
