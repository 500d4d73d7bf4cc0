-- No saga step waits forever: when the current step began waiting for its reply, how often its
-- commands were sent again, and until when inventory holds the stock (what a resent reservation
-- asks for again).
ALTER TABLE customer_order ADD COLUMN waiting_since TIMESTAMPTZ;
ALTER TABLE customer_order ADD COLUMN step_resends INT NOT NULL DEFAULT 0;
ALTER TABLE customer_order ADD COLUMN hold_until TIMESTAMPTZ;
UPDATE customer_order SET waiting_since = updated_at
  WHERE status IN ('RESERVING_STOCK', 'AUTHORIZING_PAYMENT', 'CANCELLING');
UPDATE customer_order SET hold_until = placed_at + interval '7 days';
ALTER TABLE customer_order ALTER COLUMN hold_until SET NOT NULL;
