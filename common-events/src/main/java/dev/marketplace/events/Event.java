package dev.marketplace.events;

/** A versioned event payload. Each implementation is registered in {@link EventTypes}. */
public interface Event {

  /** The id of the aggregate the event is about; it becomes the Kafka record key. */
  String key();
}
