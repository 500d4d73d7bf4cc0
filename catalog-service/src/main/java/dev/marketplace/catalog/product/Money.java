package dev.marketplace.catalog.product;

import java.util.Currency;

/**
 * An amount in minor units (cents, pence) of an ISO 4217 currency. Never a floating-point number.
 */
public record Money(long amountMinor, String currency) {

  public Money {
    if (amountMinor < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
    Currency.getInstance(currency);
  }
}
