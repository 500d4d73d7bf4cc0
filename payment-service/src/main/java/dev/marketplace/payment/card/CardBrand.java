package dev.marketplace.payment.card;

import java.util.Optional;
import java.util.Set;

/** The card schemes we accept, recognised by their number's prefix (IIN range). */
public enum CardBrand {
  VISA(Set.of(13, 16, 19), 3),
  MASTERCARD(Set.of(16), 3),
  AMERICAN_EXPRESS(Set.of(15), 4),
  DISCOVER(Set.of(16, 17, 18, 19), 3);

  private final Set<Integer> lengths;
  private final int securityCodeLength;

  CardBrand(Set<Integer> lengths, int securityCodeLength) {
    this.lengths = lengths;
    this.securityCodeLength = securityCodeLength;
  }

  /** The brand whose prefix the digits start with, if any. */
  static Optional<CardBrand> ofDigits(String digits) {
    if (digits.startsWith("4")) {
      return Optional.of(VISA);
    }
    if (digits.startsWith("34") || digits.startsWith("37")) {
      return Optional.of(AMERICAN_EXPRESS);
    }
    int two = prefix(digits, 2);
    int four = prefix(digits, 4);
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return Optional.of(MASTERCARD);
    }
    int three = prefix(digits, 3);
    if (digits.startsWith("6011") || digits.startsWith("65") || (three >= 644 && three <= 649)) {
      return Optional.of(DISCOVER);
    }
    return Optional.empty();
  }

  boolean allowsLength(int digits) {
    return lengths.contains(digits);
  }

  int securityCodeLength() {
    return securityCodeLength;
  }

  private static int prefix(String digits, int length) {
    return digits.length() < length ? -1 : Integer.parseInt(digits.substring(0, length));
  }
}
