package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;
import java.util.List;

/**
 * Command: a vendor shipped these lines of the order (its SKUs, each line whole) in one shipment;
 * their held units leave inventory for good. Idempotent; answered with {@link StockCommittedV1}.
 */
public record ShipStockV1(String orderId, String vendorId, String shipmentId, List<String> skus)
    implements Event {

  public ShipStockV1 {
    skus = skus == null ? null : List.copyOf(skus);
  }

  @Override
  public String key() {
    return orderId;
  }
}
