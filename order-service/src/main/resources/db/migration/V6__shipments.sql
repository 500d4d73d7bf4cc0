-- Parcels: a vendor ships some or all of its lines in each, and carriers report where they are.
CREATE TABLE order_shipment
(
  order_id        UUID        NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
  position        INT         NOT NULL,
  shipment_id     UUID        NOT NULL UNIQUE,
  vendor_id       TEXT        NOT NULL,
  carrier         TEXT        NOT NULL,
  tracking_number TEXT        NOT NULL,
  status          TEXT        NOT NULL,
  detail          TEXT,
  shipped_at      TIMESTAMPTZ NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (order_id, position)
);
-- A carrier's webhook names its parcel by tracking number.
CREATE INDEX order_shipment_tracking_idx ON order_shipment (carrier, tracking_number);

-- What became of each line, and the parcel it left in.
ALTER TABLE order_line ADD COLUMN line_status TEXT NOT NULL DEFAULT 'AWAITING_SHIPMENT';
ALTER TABLE order_line ADD COLUMN shipment_id UUID;
UPDATE order_line l SET line_status = CASE p.status WHEN 'SHIPPED' THEN 'SHIPPED' ELSE 'CANCELLED' END
  FROM order_part p
  WHERE p.order_id = l.order_id AND p.vendor_id = l.vendor_id AND p.status IN ('SHIPPED', 'CANCELLED');
ALTER TABLE order_line ALTER COLUMN line_status DROP DEFAULT;

-- A part's capture is asked for once, when it settles (parts shipped before were captured then).
ALTER TABLE order_part ADD COLUMN captured BOOLEAN NOT NULL DEFAULT false;
UPDATE order_part SET captured = true WHERE status = 'SHIPPED';
ALTER TABLE order_part ALTER COLUMN captured DROP DEFAULT;

-- Each carrier event is applied once: a repeat within the signature's time window changes nothing.
CREATE TABLE carrier_event
(
  carrier     TEXT        NOT NULL,
  event_id    TEXT        NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (carrier, event_id)
);
