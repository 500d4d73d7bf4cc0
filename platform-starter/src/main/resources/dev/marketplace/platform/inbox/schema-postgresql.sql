-- The inbox of every consumer in this service: one row per handled event.
CREATE TABLE IF NOT EXISTS inbox_event
(
  consumer   TEXT                     NOT NULL,
  event_id   UUID                     NOT NULL,
  handled_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (consumer, event_id)
);
CREATE INDEX IF NOT EXISTS inbox_event_handled_at_idx ON inbox_event (handled_at);
