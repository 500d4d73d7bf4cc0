package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;
import java.util.List;

/**
 * Command: a return came back in a state to sell again; put its units on hand at the vendor's
 * location. Once per return ({@code returnId}); answered with {@link StockRestockedV1}, or {@link
 * RestockRefusedV1} when the location is not the vendor's.
 */
public record RestockV1(
    String orderId, String returnId, String vendorId, String locationId, List<StockLine> lines)
    implements Event {

  public RestockV1 {
    lines = lines == null ? null : List.copyOf(lines);
  }

  @Override
  public String key() {
    return orderId;
  }
}
