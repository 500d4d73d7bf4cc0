package dev.marketplace.order.order;

import dev.marketplace.events.Event;

/** A command or event an order transition produced, to be published with the change. */
public record SagaMessage(String topic, Event payload) {}
