package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;
import java.util.List;

/** Reply: the vendor's lines named are released; the rest of the order stays held. */
public record StockLinesReleasedV1(String orderId, String vendorId, List<String> skus)
    implements Event {

  public StockLinesReleasedV1 {
    skus = skus == null ? null : List.copyOf(skus);
  }

  @Override
  public String key() {
    return orderId;
  }
}
