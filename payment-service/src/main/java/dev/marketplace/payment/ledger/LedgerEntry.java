package dev.marketplace.payment.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/** One line of a ledger transaction: an amount (above zero) on one side of one account. */
@Embeddable
public class LedgerEntry {

  @Enumerated(EnumType.STRING)
  private LedgerAccount account;

  @Column(name = "vendor_id")
  private @Nullable String vendorId;

  @Enumerated(EnumType.STRING)
  private Side side;

  @Column(name = "amount_minor")
  private long amountMinor;

  private String currency;

  protected LedgerEntry() {}

  LedgerEntry(
      LedgerAccount account,
      @Nullable String vendorId,
      Side side,
      long amountMinor,
      String currency) {
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("ledger entries move an amount above zero");
    }
    this.account = account;
    this.vendorId = vendorId;
    this.side = side;
    this.amountMinor = amountMinor;
    this.currency = currency;
  }

  public LedgerAccount account() {
    return account;
  }

  public @Nullable String vendorId() {
    return vendorId;
  }

  public Side side() {
    return side;
  }

  public long amountMinor() {
    return amountMinor;
  }

  public String currency() {
    return currency;
  }
}
