-- Carrier events are remembered for replays only as long as a replay could pass the signature's
-- time window (plus a margin); the purge finds the old ones by when they arrived.
CREATE INDEX carrier_event_received_at ON carrier_event (received_at);
