package dev.marketplace.payment.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A shopper's card as we keep it: the provider's token and what a shopper needs to recognise the
 * card (brand, last four digits, expiry). The number and security code are never part of it. Its
 * {@code id} is the card token the order saga passes to authorisation.
 */
@Entity
@Table(name = "payment_method")
public class PaymentMethod {

  @Id private UUID id;

  @Column(name = "customer_id")
  private String customerId;

  @Column(name = "provider_token")
  private String providerToken;

  @Enumerated(EnumType.STRING)
  private CardBrand brand;

  @Column(name = "last_four")
  private String lastFour;

  @Column(name = "expiry_month")
  private int expiryMonth;

  @Column(name = "expiry_year")
  private int expiryYear;

  @Column(name = "created_at")
  private Instant createdAt;

  protected PaymentMethod() {}

  PaymentMethod(String customerId, String providerToken, CardDetails card, Instant now) {
    this.id = UUID.randomUUID();
    this.customerId = customerId;
    this.providerToken = providerToken;
    this.brand = card.number().brand();
    this.lastFour = card.number().lastFour();
    this.expiryMonth = card.expiry().getMonthValue();
    this.expiryYear = card.expiry().getYear();
    this.createdAt = now;
  }

  public boolean belongsTo(String customer) {
    return customerId.equals(customer);
  }

  /** Cards are valid through the last day of their expiry month. */
  public boolean expiredBy(YearMonth month) {
    return YearMonth.of(expiryYear, expiryMonth).isBefore(month);
  }

  public UUID id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }

  public String providerToken() {
    return providerToken;
  }

  public CardBrand brand() {
    return brand;
  }

  public String lastFour() {
    return lastFour;
  }

  public int expiryMonth() {
    return expiryMonth;
  }

  public int expiryYear() {
    return expiryYear;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
