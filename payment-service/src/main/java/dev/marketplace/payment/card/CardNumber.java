package dev.marketplace.payment.card;

/**
 * A validated primary account number (PAN). It exists only in memory on its way to the provider: it
 * is not a record and has no accessor that a serializer or {@code toString} would pick up, so
 * logging or serialising it by mistake shows the last four digits at most.
 */
public final class CardNumber {

  private final String digits;
  private final CardBrand brand;

  private CardNumber(String digits, CardBrand brand) {
    this.digits = digits;
    this.brand = brand;
  }

  /**
   * Reads a number as shoppers type it (spaces and hyphens allowed between digits).
   *
   * @throws InvalidCardValue with a fixed message that never repeats the input
   */
  static CardNumber parse(String input) {
    String digits = input.replace(" ", "").replace("-", "");
    if (digits.isEmpty()) {
      throw new InvalidCardValue("is required");
    }
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidCardValue("must contain only digits, spaces or hyphens");
    }
    if (digits.length() < 12 || digits.length() > 19) {
      throw new InvalidCardValue("must have 12 to 19 digits");
    }
    if (!passesLuhn(digits)) {
      throw new InvalidCardValue("is not a valid card number (check digit)");
    }
    CardBrand brand =
        CardBrand.ofDigits(digits)
            .orElseThrow(
                () ->
                    new InvalidCardValue(
                        "is not a card brand we accept"
                            + " (Visa, Mastercard, American Express, Discover)"));
    if (!brand.allowsLength(digits.length())) {
      throw new InvalidCardValue("has the wrong number of digits for its card brand");
    }
    return new CardNumber(digits, brand);
  }

  /** The Luhn (mod 10) check that every card number's last digit satisfies. */
  static boolean passesLuhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /** The full number, for the provider's tokenisation call only. */
  public String digits() {
    return digits;
  }

  public CardBrand brand() {
    return brand;
  }

  public String lastFour() {
    return digits.substring(digits.length() - 4);
  }

  @Override
  public String toString() {
    return brand + " ****" + lastFour();
  }
}
