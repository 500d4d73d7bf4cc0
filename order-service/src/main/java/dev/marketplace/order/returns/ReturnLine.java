package dev.marketplace.order.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Units of one line of the order sent back, at the price they were bought for. */
@Embeddable
public record ReturnLine(
    String sku, int quantity, @Column(name = "unit_price_minor") long unitPriceMinor) {

  long totalMinor() {
    return Math.multiplyExact(unitPriceMinor, quantity);
  }
}
