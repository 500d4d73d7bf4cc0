package dev.marketplace.order.shipping;

import dev.marketplace.order.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a vendor charges to ship its part of an order to one country, in one currency: a flat price
 * per part, free when the part's items come to {@code freeFrom} or more. A country a vendor has no
 * rate for is one it does not ship to.
 */
public record ShippingRate(String country, Money price, @Nullable Money freeFrom) {

  public ShippingRate {
    if (freeFrom != null && !freeFrom.currency().equals(price.currency())) {
      throw new IllegalArgumentException("a rate's free-from amount is in its price's currency");
    }
  }

  public String currency() {
    return price.currency();
  }

  public Money costFor(Money items) {
    boolean free = freeFrom != null && items.amountMinor() >= freeFrom.amountMinor();
    return free ? Money.zero(price.currency()) : price;
  }
}
