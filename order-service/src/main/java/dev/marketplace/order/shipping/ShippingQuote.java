package dev.marketplace.order.shipping;

import dev.marketplace.order.money.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shipping for each vendor part of a cart or an order, to one country: a part whose vendor has no
 * rate there (in the order's currency) is not shipped, and the order cannot be placed.
 *
 * @param costs shipping by vendor, for the parts that ship
 * @param unshipped the vendors that do not ship there
 */
public record ShippingQuote(Map<String, Money> costs, List<String> unshipped) {

  /**
   * @param itemsByVendor each vendor part's items total
   * @param rates each vendor's rate to the destination, where it has one
   */
  public static ShippingQuote of(
      Map<String, Money> itemsByVendor, Map<String, ShippingRate> rates) {
    Map<String, Money> costs = new LinkedHashMap<>();
    List<String> unshipped = new java.util.ArrayList<>();
    itemsByVendor.forEach(
        (vendor, items) -> {
          ShippingRate rate = rates.get(vendor);
          if (rate == null || !rate.currency().equals(items.currency())) {
            unshipped.add(vendor);
          } else {
            costs.put(vendor, rate.costFor(items));
          }
        });
    return new ShippingQuote(Map.copyOf(costs), List.copyOf(unshipped));
  }

  public Optional<Money> costFor(String vendorId) {
    return Optional.ofNullable(costs.get(vendorId));
  }

  public boolean shipsEverything() {
    return unshipped.isEmpty();
  }
}
