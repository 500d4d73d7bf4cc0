package dev.marketplace.order.delivery;

import dev.marketplace.platform.persistence.AssignedIdEntity;
import dev.marketplace.platform.privacy.Sealed;
import dev.marketplace.platform.privacy.SealedConverter;
import dev.marketplace.platform.privacy.SealedFields;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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

  @Column(name = "recipient")
  @Convert(converter = SealedConverter.class)
  private Sealed recipient;

  @Column(name = "line1")
  @Convert(converter = SealedConverter.class)
  private Sealed line1;

  @Column(name = "line2")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed line2;

  @Column(name = "city")
  @Convert(converter = SealedConverter.class)
  private Sealed city;

  @Column(name = "postal_code")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed postalCode;

  @Column(name = "region")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed region;

  @Column(name = "country")
  @Convert(converter = SealedConverter.class)
  private Sealed country;

  @Column(name = "phone")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed phone;

  /** The shopper was erased while the order was open: the address goes when it closes. */
  @Column(name = "erase_when_closed")
  private boolean eraseWhenClosed;

  protected DeliveryAddress() {}

  public DeliveryAddress(UUID orderId, ShippingAddress address) {
    this.markNew();
    this.orderId = orderId;
    this.recipient = Sealed.of(address.recipient());
    this.line1 = Sealed.of(address.line1());
    this.line2 = Sealed.ofNullable(address.line2());
    this.city = Sealed.of(address.city());
    this.postalCode = Sealed.ofNullable(address.postalCode());
    this.region = Sealed.ofNullable(address.region());
    this.country = Sealed.of(address.country());
    this.phone = Sealed.ofNullable(address.phone());
  }

  public ShippingAddress address() {
    return new ShippingAddress(
        recipient.value(),
        line1.value(),
        Sealed.valueOf(line2),
        city.value(),
        Sealed.valueOf(postalCode),
        Sealed.valueOf(region),
        country.value(),
        Sealed.valueOf(phone));
  }

  public void eraseWhenClosed() {
    eraseWhenClosed = true;
  }

  @Override
  public UUID getId() {
    return orderId;
  }
}
