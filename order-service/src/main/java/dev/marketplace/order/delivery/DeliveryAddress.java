package dev.marketplace.order.delivery;

import dev.marketplace.platform.address.SealedPostalAddress;
import dev.marketplace.platform.persistence.AssignedIdEntity;
import dev.marketplace.platform.privacy.SealedFields;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The address an order ships to, as it was at checkout: a later change to the shopper's address
 * book does not move a parcel on its way. Every field is sealed, bound to the order's row.
 */
@Entity
@EntityListeners(SealedFields.class)
@Table(name = "order_delivery_address")
public class DeliveryAddress extends AssignedIdEntity<UUID> {

  @Id
  @Column(name = "order_id")
  private UUID orderId;

  @Embedded private SealedPostalAddress address;

  /** The shopper was erased while the order was open: the address goes when it closes. */
  @Column(name = "erase_when_closed")
  private boolean eraseWhenClosed;

  protected DeliveryAddress() {}

  public DeliveryAddress(UUID orderId, ShippingAddress address) {
    this.markNew();
    this.orderId = orderId;
    this.address =
        new SealedPostalAddress(
            address.recipient(),
            address.line1(),
            address.line2(),
            address.city(),
            address.postalCode(),
            address.region(),
            address.country(),
            address.phone());
  }

  public ShippingAddress address() {
    return new ShippingAddress(
        address.recipient(),
        address.line1(),
        address.line2(),
        address.city(),
        address.postalCode(),
        address.region(),
        address.country(),
        address.phone());
  }

  public void eraseWhenClosed() {
    eraseWhenClosed = true;
  }

  @Override
  public UUID getId() {
    return orderId;
  }
}
