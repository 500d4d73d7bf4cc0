-- Checkout counts the orders still in their saga before it accepts a new one (SagaBacklog); this
-- index holds only those rows, so the count stays small and cheap however many orders exist.
CREATE INDEX customer_order_in_saga_idx ON customer_order (status)
  WHERE status IN ('RESERVING_STOCK', 'AUTHORIZING_PAYMENT', 'CANCELLING');
