-- Each refund of a vendor's captured part, under its caller's key (a return's id; "part" for the
-- one refund of a whole part), so a part can be refunded in several returns, each once.
-- vendor_part.refunded_minor stays the part's running total (never above its capture).
CREATE TABLE payment_refund
(
  id                 UUID PRIMARY KEY,
  payment_id         UUID        NOT NULL REFERENCES payment (id),
  vendor_id          TEXT        NOT NULL,
  refund_key         TEXT        NOT NULL,
  amount_minor       BIGINT      NOT NULL CHECK (amount_minor > 0),
  currency           TEXT        NOT NULL,
  provider_refund_id TEXT        NOT NULL,
  refunded_at        TIMESTAMPTZ NOT NULL,
  UNIQUE (payment_id, vendor_id, refund_key)
);

INSERT INTO payment_refund (id, payment_id, vendor_id, refund_key, amount_minor, currency,
                            provider_refund_id, refunded_at)
SELECT gen_random_uuid(), payment_id, vendor_id, 'part', refunded_minor, currency,
       provider_refund_id, refunded_at
FROM vendor_part
WHERE provider_refund_id IS NOT NULL AND refunded_minor > 0;
