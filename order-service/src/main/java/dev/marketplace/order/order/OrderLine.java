package dev.marketplace.order.order;

import dev.marketplace.order.money.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/** One SKU of an order, priced when the order was placed. */
@Embeddable
public record OrderLine(
    String sku,
    @Column(name = "vendor_id") String vendorId,
    @Column(name = "product_name") String productName,
    int quantity,
    @Embedded
        @AttributeOverrides({
          @AttributeOverride(name = "amountMinor", column = @Column(name = "unit_price_minor")),
          @AttributeOverride(name = "currency", column = @Column(name = "currency"))
        })
        Money unitPrice) {

  public Money total() {
    return unitPrice.times(quantity);
  }
}
