package dev.marketplace.inventory.reservation;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.inventory.CommitStockV1;
import dev.marketplace.events.inventory.ReleaseStockLinesV1;
import dev.marketplace.events.inventory.ReleaseStockV1;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.RestockV1;
import dev.marketplace.events.inventory.ShipStockV1;
import dev.marketplace.inventory.returns.Restocks;
import dev.marketplace.platform.inbox.Inbox;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes the saga's commands from {@code inventory.commands}. Each is handled once per event id (the
 * inbox entry commits with the effect and its reply); a command re-sent under a new id is answered
 * from the reservation's own state. Failures are retried and then dead-lettered by the platform; a
 * malformed command goes to {@code inventory.commands.dlt} at once and the partition moves on to
 * other orders.
 */
@Component
class InventoryCommandListener {

  static final String CONSUMER = "inventory-commands";

  private static final Logger log = LoggerFactory.getLogger(InventoryCommandListener.class);

  private final Inbox inbox;
  private final Reservations reservations;
  private final Restocks restocks;

  InventoryCommandListener(Inbox inbox, Reservations reservations, Restocks restocks) {
    this.inbox = inbox;
    this.reservations = reservations;
    this.restocks = restocks;
  }

  @KafkaListener(
      id = CONSUMER,
      idIsGroup = false,
      groupId = "${inventory.kafka.group-id:inventory-service}.commands",
      topics = "#{@topicNames.name(T(dev.marketplace.events.Topics).INVENTORY_COMMANDS)}",
      concurrency = "${inventory.kafka.command-concurrency:3}")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<Event> command = EventJson.read(record.value());
    switch (command.payload()) {
      case ReserveStockV1 reserve -> {
        ReserveCommands.demands(reserve);
        once(command, () -> reservations.reserve(reserve));
      }
      case ReleaseStockV1 release -> {
        ReserveCommands.requireText(release.orderId(), "orderId", release);
        once(command, () -> reservations.release(release.orderId()));
      }
      case CommitStockV1 commit -> {
        ReserveCommands.requireText(commit.orderId(), "orderId", commit);
        ReserveCommands.requireText(commit.vendorId(), "vendorId", commit);
        once(command, () -> reservations.commit(commit.orderId(), commit.vendorId()));
      }
      case ShipStockV1 ship -> {
        ReserveCommands.requireText(ship.orderId(), "orderId", ship);
        ReserveCommands.requireText(ship.vendorId(), "vendorId", ship);
        Set<String> skus = ReserveCommands.requireSkus(ship.skus(), ship);
        once(command, () -> reservations.commit(ship.orderId(), ship.vendorId(), skus));
      }
      case ReleaseStockLinesV1 release -> {
        ReserveCommands.requireText(release.orderId(), "orderId", release);
        ReserveCommands.requireText(release.vendorId(), "vendorId", release);
        Set<String> skus = ReserveCommands.requireSkus(release.skus(), release);
        once(command, () -> reservations.releaseLines(release.orderId(), release.vendorId(), skus));
      }
      case RestockV1 restock -> {
        ReserveCommands.requireText(restock.orderId(), "orderId", restock);
        ReserveCommands.requireText(restock.returnId(), "returnId", restock);
        ReserveCommands.requireText(restock.vendorId(), "vendorId", restock);
        UUID location = ReserveCommands.requireLocation(restock.locationId(), restock);
        ReserveCommands.requireLines(restock.lines(), restock.vendorId(), restock);
        once(command, () -> restocks.restock(restock, location));
      }
      default -> log.warn("ignoring {} on the inventory command topic", command.type());
    }
  }

  private void once(EventEnvelope<Event> command, Supplier<Event> effect) {
    Event reply = inbox.handleOnce(CONSUMER, command.id(), effect);
    if (reply == null) {
      log.info("command {} ({}) was handled before", command.id(), command.type());
    }
  }
}
