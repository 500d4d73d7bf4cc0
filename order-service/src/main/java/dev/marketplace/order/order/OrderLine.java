package dev.marketplace.order.order;

import dev.marketplace.order.money.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One SKU of an order, priced when the order was placed, and what became of it: it awaits shipment,
 * was shipped whole in one shipment, or was cancelled by its vendor.
 */
@Embeddable
public record OrderLine(
    String sku,
    @Column(name = "vendor_id") String vendorId,
    @Column(name = "product_name") String productName,
    @Column(name = "category_id") @Nullable String categoryId,
    int quantity,
    @Embedded
        @AttributeOverrides({
          @AttributeOverride(name = "amountMinor", column = @Column(name = "unit_price_minor")),
          @AttributeOverride(name = "currency", column = @Column(name = "currency"))
        })
        Money unitPrice,
    @Enumerated(EnumType.STRING) @Column(name = "line_status") Status status,
    @Column(name = "shipment_id") @Nullable UUID shipmentId) {

  /** What became of a line. */
  public enum Status {
    AWAITING_SHIPMENT,
    SHIPPED,
    CANCELLED
  }

  /** A line as a checkout orders it. */
  public OrderLine(
      String sku,
      String vendorId,
      String productName,
      @Nullable String categoryId,
      int quantity,
      Money unitPrice) {
    this(
        sku,
        vendorId,
        productName,
        categoryId,
        quantity,
        unitPrice,
        Status.AWAITING_SHIPMENT,
        null);
  }

  /** A line of a product the catalog put in no category. */
  public OrderLine(String sku, String vendorId, String productName, int quantity, Money unitPrice) {
    this(sku, vendorId, productName, null, quantity, unitPrice);
  }

  public Money total() {
    return unitPrice.times(quantity);
  }

  boolean awaitsShipment() {
    return status == Status.AWAITING_SHIPMENT;
  }

  OrderLine shippedIn(UUID shipment) {
    return new OrderLine(
        sku, vendorId, productName, categoryId, quantity, unitPrice, Status.SHIPPED, shipment);
  }

  OrderLine cancelled() {
    return new OrderLine(
        sku, vendorId, productName, categoryId, quantity, unitPrice, Status.CANCELLED, null);
  }
}
