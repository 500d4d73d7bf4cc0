package dev.marketplace.inventory.returns;

import dev.marketplace.events.Event;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.RestockRefusedV1;
import dev.marketplace.events.inventory.RestockV1;
import dev.marketplace.events.inventory.StockLine;
import dev.marketplace.events.inventory.StockRestockedV1;
import dev.marketplace.inventory.location.Location;
import dev.marketplace.inventory.location.Locations;
import dev.marketplace.inventory.stock.SkuKey;
import dev.marketplace.inventory.stock.StockUpdates;
import dev.marketplace.platform.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a return's units back on hand at the location the vendor named, once per return (the {@code
 * restock} row, in the same transaction as the stock change and the reply), so a command sent
 * again, even under a new event id, restocks nothing twice.
 */
@Service
public class Restocks {

  private final JdbcClient jdbc;
  private final Locations locations;
  private final StockUpdates stock;
  private final Outbox outbox;
  private final Clock clock;

  Restocks(JdbcClient jdbc, Locations locations, StockUpdates stock, Outbox outbox, Clock clock) {
    this.jdbc = jdbc;
    this.locations = locations;
    this.stock = stock;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Event restock(RestockV1 command, UUID locationId) {
    Optional<Location> location = locations.findOwn(command.vendorId(), locationId);
    if (location.isEmpty()) {
      return reply(
          new RestockRefusedV1(
              command.orderId(),
              command.returnId(),
              "location " + locationId + " is not one of vendor " + command.vendorId() + "'s"));
    }
    int first =
        jdbc.sql(
                "INSERT INTO restock (return_id, order_id, vendor_id, location_id, restocked_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(
                command.returnId(),
                command.orderId(),
                command.vendorId(),
                locationId,
                Timestamp.from(clock.instant()))
            .update();
    if (first == 1) {
      stock.apply(
          command.lines().stream().map(l -> new SkuKey(l.vendorId(), l.sku())).distinct().toList(),
          skus -> {
            for (StockLine line : command.lines()) {
              skus.get(new SkuKey(line.vendorId(), line.sku()))
                  .at(locationId, location.get().kind())
                  .adjust(line.quantity());
            }
            return null;
          });
    }
    return reply(new StockRestockedV1(command.orderId(), command.returnId()));
  }

  private Event reply(Event reply) {
    outbox.publish(Topics.INVENTORY_REPLIES, reply);
    return reply;
  }
}
