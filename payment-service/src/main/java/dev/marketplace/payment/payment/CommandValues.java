package dev.marketplace.payment.payment;

import dev.marketplace.events.MalformedEventException;
import dev.marketplace.payment.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Reads a command's values. A command without an order id, with an amount of zero or less or with
 * an unknown currency is a producer's bug that no retry can fix: it is dead-lettered at once.
 */
final class CommandValues {

  private CommandValues() {}

  static String required(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new MalformedEventException("payment command without " + name);
    }
    return value;
  }

  static Money positiveAmount(long minor, @Nullable String currency) {
    if (minor <= 0) {
      throw new MalformedEventException("payment command with an amount of " + minor);
    }
    if (currency == null || !Money.isCurrencyCode(currency)) {
      throw new MalformedEventException("payment command with currency " + currency);
    }
    return Money.of(minor, currency);
  }
}
