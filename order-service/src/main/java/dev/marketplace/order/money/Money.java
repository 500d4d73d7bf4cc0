package dev.marketplace.order.money;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Embeddable;

/**
 * An amount in minor units of an ISO 4217 currency; never floating point. In JSON it is {@code
 * {"amount", "currency"}}, the one shape money has in every service's API.
 */
@Embeddable
public record Money(@JsonProperty("amount") long amountMinor, String currency) {

  public Money {
    if (amountMinor < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
  }

  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
  }

  public Money times(int quantity) {
    return new Money(Math.multiplyExact(amountMinor, quantity), currency);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
  }
}
