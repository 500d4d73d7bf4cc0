package dev.marketplace.payment.provider.simulated;

import java.util.Arrays;

/**
 * How the simulated provider treats a card, chosen by its number when it is tokenised. These
 * numbers are documented in the README; any other valid number behaves like {@link #APPROVE}.
 */
enum TestCard {
  APPROVE("4242424242424242"),
  DECLINE("4000000000000002"),
  INSUFFICIENT_FUNDS("4000000000009995"),
  /**
   * Authorisations time out: always, or the first {@code timeouts-before-success} calls per
   * idempotency key.
   */
  TIMEOUT("4000000000000119");

  private final String number;

  TestCard(String number) {
    this.number = number;
  }

  static TestCard forNumber(String digits) {
    return Arrays.stream(values())
        .filter(card -> card.number.equals(digits))
        .findFirst()
        .orElse(APPROVE);
  }
}
