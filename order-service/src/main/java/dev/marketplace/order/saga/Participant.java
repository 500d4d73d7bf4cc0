package dev.marketplace.order.saga;

import dev.marketplace.events.Topics;

/** The services a saga sends commands to and waits for. */
public enum Participant {
  INVENTORY("inventory-service", Topics.INVENTORY_COMMANDS),
  PAYMENT("payment-service", Topics.PAYMENT_COMMANDS);

  private final String service;
  private final String commandTopic;

  Participant(String service, String commandTopic) {
    this.service = service;
    this.commandTopic = commandTopic;
  }

  /** The service's name, as a problem or the timeline names it. */
  public String service() {
    return service;
  }

  /** The topic its commands go to. */
  public String commandTopic() {
    return commandTopic;
  }
}
