package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;
import java.util.List;

/**
 * Command: a vendor cannot fulfil these lines of the order (its SKUs, each line whole); give their
 * held units back. The rest of the order stays held. Idempotent; answered with {@link
 * StockLinesReleasedV1}.
 */
public record ReleaseStockLinesV1(String orderId, String vendorId, List<String> skus, String reason)
    implements Event {

  public ReleaseStockLinesV1 {
    skus = skus == null ? null : List.copyOf(skus);
  }

  @Override
  public String key() {
    return orderId;
  }
}
