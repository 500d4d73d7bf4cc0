package dev.marketplace.events;

/**
 * A command or event an aggregate's change causes, for the topic it goes to (a name from {@link
 * Topics}). The service that saves the aggregate hands it to the outbox in the same transaction.
 */
public record Outgoing(String topic, Event payload) {}
