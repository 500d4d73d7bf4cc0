package dev.marketplace.inventory.reservation;

import dev.marketplace.inventory.location.LocationKind;
import dev.marketplace.inventory.stock.LocationStock;
import dev.marketplace.inventory.stock.SkuKey;
import dev.marketplace.inventory.stock.SkuStock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Decides where an order's units come from, all or nothing: either every demand is met from its
 * vendor's free units, or nothing is held and the answer lists every demand that cannot be met.
 *
 * <p>Units come from warehouses before stores (shelf stock serves walk-in customers, and shipping
 * is a warehouse's job), then from the location with the most free units, so an order is split over
 * as few locations as possible.
 */
public final class Allocator {

  static final Comparator<LocationStock> PREFERENCE =
      Comparator.comparing((LocationStock level) -> level.kind() != LocationKind.WAREHOUSE)
          .thenComparing(Comparator.comparingInt(LocationStock::free).reversed())
          .thenComparing(LocationStock::locationId);

  private Allocator() {}

  public static Result allocate(List<Demand> demands, Map<SkuKey, SkuStock> stock) {
    List<Allocation> allocations = new ArrayList<>();
    List<Shortage> shortages = new ArrayList<>();
    for (Demand demand : demands) {
      SkuStock sku = stock.get(demand.key());
      int available = sku == null ? 0 : sku.available();
      if (available < demand.quantity()) {
        shortages.add(new Shortage(demand.key(), demand.quantity(), available));
        continue;
      }
      int missing = demand.quantity();
      for (LocationStock level : sku.levels().stream().sorted(PREFERENCE).toList()) {
        int take = Math.min(missing, level.free());
        if (take > 0) {
          allocations.add(new Allocation(demand.key(), level.locationId(), take));
          missing -= take;
        }
        if (missing == 0) {
          break;
        }
      }
    }
    return shortages.isEmpty() ? new Allocated(allocations) : new Short(shortages);
  }

  /** The outcome: where every unit comes from, or why the order cannot be served. */
  public sealed interface Result permits Allocated, Short {}

  public record Allocated(List<Allocation> allocations) implements Result {}

  public record Short(List<Shortage> shortages) implements Result {}
}
