package dev.marketplace.inventory.reservation;

import dev.marketplace.events.MalformedEventException;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.StockLine;
import dev.marketplace.inventory.stock.SkuKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads a ReserveStock command into demands. A command that cannot be executed as sent (no lines, a
 * quantity of 0) is malformed: retrying cannot fix it, so it goes to the dead-letter topic rather
 * than being answered with a shortage it does not have. order-service validates quantities at
 * checkout, so this means a bug, which the dead-letter topic makes visible.
 */
final class ReserveCommands {

  private ReserveCommands() {}

  /** The command's lines, one demand per vendor SKU (repeated lines added up), sorted by SKU. */
  static List<Demand> demands(ReserveStockV1 command) {
    requireText(command.orderId(), "orderId", command);
    if (command.lines().isEmpty()) {
      throw malformed(command, "it has no lines");
    }
    Map<SkuKey, Integer> quantities = new TreeMap<>();
    for (int i = 0; i < command.lines().size(); i++) {
      StockLine line = command.lines().get(i);
      requireText(line.sku(), "lines[" + i + "].sku", command);
      requireText(line.vendorId(), "lines[" + i + "].vendorId", command);
      if (line.quantity() <= 0) {
        throw malformed(command, "lines[" + i + "].quantity is " + line.quantity());
      }
      quantities.merge(new SkuKey(line.vendorId(), line.sku()), line.quantity(), Math::addExact);
    }
    return quantities.entrySet().stream().map(e -> new Demand(e.getKey(), e.getValue())).toList();
  }

  static void requireText(String value, String field, Object command) {
    if (value == null || value.isBlank()) {
      throw malformed(command, field + " is missing");
    }
  }

  /** The SKUs of a command that names lines: at least one, none blank. */
  static Set<String> requireSkus(List<String> skus, Object command) {
    if (skus == null || skus.isEmpty()) {
      throw malformed(command, "it names no lines");
    }
    for (int i = 0; i < skus.size(); i++) {
      requireText(skus.get(i), "skus[" + i + "]", command);
    }
    return Set.copyOf(skus);
  }

  /** A location id: a UUID. */
  static UUID requireLocation(String locationId, Object command) {
    requireText(locationId, "locationId", command);
    try {
      return UUID.fromString(locationId);
    } catch (IllegalArgumentException e) {
      throw malformed(command, "locationId is not a location id");
    }
  }

  /** Lines to put back: at least one, each a SKU of the vendor with a positive quantity. */
  static void requireLines(List<StockLine> lines, String vendorId, Object command) {
    if (lines == null || lines.isEmpty()) {
      throw malformed(command, "it has no lines");
    }
    for (int i = 0; i < lines.size(); i++) {
      StockLine line = lines.get(i);
      requireText(line.sku(), "lines[" + i + "].sku", command);
      if (!vendorId.equals(line.vendorId())) {
        throw malformed(command, "lines[" + i + "] is not vendor " + vendorId + "'s");
      }
      if (line.quantity() <= 0) {
        throw malformed(command, "lines[" + i + "].quantity is " + line.quantity());
      }
    }
  }

  private static MalformedEventException malformed(Object command, String why) {
    return new MalformedEventException("cannot execute " + command + ": " + why);
  }
}
