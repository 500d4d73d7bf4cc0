package dev.marketplace.payment.money;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount in minor units (cents) of one ISO 4217 currency. Never negative: a payment's amounts
 * (held, captured, refunded) are quantities, and direction is what the ledger's debit and credit
 * say. Arithmetic across currencies is refused rather than converted.
 */
public record Money(long minor, Currency currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (minor < 0) {
      throw new IllegalArgumentException("money is never negative: " + minor);
    }
  }

  /**
   * @throws IllegalArgumentException for a code that is not an ISO 4217 currency as written (upper
   *     case), or a negative amount
   */
  public static Money of(long minor, String currencyCode) {
    return new Money(minor, currency(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /** True for a code such as EUR; false for eur, EURO or XYZ. */
  public static boolean isCurrencyCode(String code) {
    try {
      return Currency.getInstance(code).getCurrencyCode().equals(code);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(minor, sameCurrency(other).minor), currency);
  }

  /**
   * @throws IllegalArgumentException if the result would be negative
   */
  public Money minus(Money other) {
    return new Money(minor - sameCurrency(other).minor, currency);
  }

  public boolean exceeds(Money other) {
    return minor > sameCurrency(other).minor;
  }

  public boolean isZero() {
    return minor == 0;
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  @Override
  public String toString() {
    return minor + " " + currency.getCurrencyCode();
  }

  private Money sameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine " + currency + " with " + other.currency + " amounts");
    }
    return other;
  }

  private static Currency currency(String code) {
    if (!isCurrencyCode(code)) {
      throw new IllegalArgumentException("not an ISO 4217 currency code: " + code);
    }
    return Currency.getInstance(code);
  }
}
