package dev.marketplace.payment.ledger;

import dev.marketplace.payment.money.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One balanced movement of money: its entries' debits equal their credits, all in one currency,
 * which the constructor enforces. The reference (the provider call's idempotency key) is unique, so
 * a step can never be posted twice.
 */
@Entity
@Table(name = "ledger_transaction")
public class LedgerTransaction {

  @Id private UUID id;

  @Column(name = "payment_id")
  private UUID paymentId;

  @Column(name = "order_id")
  private String orderId;

  private String reference;

  @Enumerated(EnumType.STRING)
  private LedgerTransactionKind kind;

  private String currency;

  @Column(name = "posted_at")
  private Instant postedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "ledger_entry", joinColumns = @JoinColumn(name = "transaction_id"))
  @OrderColumn(name = "line")
  private List<LedgerEntry> entries = new ArrayList<>();

  protected LedgerTransaction() {}

  private LedgerTransaction(
      UUID paymentId,
      String orderId,
      String reference,
      LedgerTransactionKind kind,
      String currency,
      List<LedgerEntry> entries,
      Instant now) {
    requireBalanced(entries, currency);
    this.id = UUID.randomUUID();
    this.paymentId = paymentId;
    this.orderId = orderId;
    this.reference = reference;
    this.kind = kind;
    this.currency = currency;
    this.entries = new ArrayList<>(entries);
    this.postedAt = now;
  }

  /**
   * A two-line transaction: {@code amount} from {@code credit} to {@code debit}, balanced by
   * construction.
   */
  public static LedgerTransaction transfer(
      UUID paymentId,
      String orderId,
      String reference,
      LedgerTransactionKind kind,
      Money amount,
      Line debit,
      Line credit,
      Instant now) {
    String currency = amount.currencyCode();
    return new LedgerTransaction(
        paymentId,
        orderId,
        reference,
        kind,
        currency,
        List.of(
            new LedgerEntry(
                debit.account(), debit.vendorId(), Side.DEBIT, amount.minor(), currency),
            new LedgerEntry(
                credit.account(), credit.vendorId(), Side.CREDIT, amount.minor(), currency)),
        now);
  }

  /**
   * Double entry's rule, checked for every transaction whatever built it: one currency, and the
   * debits add up to the credits.
   */
  private static void requireBalanced(List<LedgerEntry> entries, String currency) {
    long balance = 0;
    for (LedgerEntry entry : entries) {
      if (!entry.currency().equals(currency)) {
        throw new IllegalArgumentException("a ledger transaction has one currency");
      }
      balance += entry.side() == Side.DEBIT ? entry.amountMinor() : -entry.amountMinor();
    }
    if (entries.size() < 2 || balance != 0) {
      throw new IllegalArgumentException("a ledger transaction's debits must equal its credits");
    }
  }

  /** An account, for a vendor where the account is kept per vendor. */
  public record Line(LedgerAccount account, @Nullable String vendorId) {

    public static Line of(LedgerAccount account) {
      return new Line(account, null);
    }

    public static Line of(LedgerAccount account, String vendorId) {
      return new Line(account, vendorId);
    }
  }

  public UUID id() {
    return id;
  }

  public UUID paymentId() {
    return paymentId;
  }

  public String orderId() {
    return orderId;
  }

  public String reference() {
    return reference;
  }

  public LedgerTransactionKind kind() {
    return kind;
  }

  public String currency() {
    return currency;
  }

  public Instant postedAt() {
    return postedAt;
  }

  public List<LedgerEntry> entries() {
    return List.copyOf(entries);
  }
}
