package dev.marketplace.payment.card;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Card details that passed validation, on their way to the provider's tokenisation and nowhere
 * else. {@code toString} masks the number and omits the security code.
 */
public final class CardDetails {

  /** A card expiring further ahead than this is a typo, not a card. */
  private static final int MAX_YEARS_AHEAD = 20;

  private static final int MAX_HOLDER_NAME = 100;

  private final CardNumber number;
  private final YearMonth expiry;
  private final String securityCode;
  private final String holderName;

  private CardDetails(CardNumber number, YearMonth expiry, String securityCode, String holderName) {
    this.number = number;
    this.expiry = expiry;
    this.securityCode = securityCode;
    this.holderName = holderName;
  }

  /**
   * Validates every field and reports all problems at once.
   *
   * @param today the current month: a card is valid through the end of its expiry month
   * @throws InvalidCardException naming each invalid field, never echoing a value
   */
  public static CardDetails of(
      @Nullable String number,
      @Nullable Integer expiryMonth,
      @Nullable Integer expiryYear,
      @Nullable String securityCode,
      @Nullable String holderName,
      YearMonth today) {
    List<CardFieldError> errors = new ArrayList<>();
    CardNumber card = check(errors, "number", () -> CardNumber.parse(required(number)));
    Integer month = check(errors, "expiryMonth", () -> month(expiryMonth));
    Integer year = check(errors, "expiryYear", () -> year(expiryYear, today));
    YearMonth expiry =
        month == null || year == null
            ? null
            : check(
                errors,
                year < today.getYear() ? "expiryYear" : "expiryMonth",
                () -> notExpired(YearMonth.of(year, month), today));
    String code =
        check(
            errors, "cvc", () -> securityCode(required(securityCode), card == null ? null : card));
    String holder = check(errors, "holderName", () -> holderName(holderName));
    if (!errors.isEmpty()) {
      throw new InvalidCardException(errors);
    }
    return new CardDetails(card, expiry, code, holder);
  }

  public CardNumber number() {
    return number;
  }

  public YearMonth expiry() {
    return expiry;
  }

  /** The security code, for the provider's tokenisation call only. */
  public String securityCode() {
    return securityCode;
  }

  public String holderName() {
    return holderName;
  }

  @Override
  public String toString() {
    return "CardDetails[" + number + ", expires " + expiry + "]";
  }

  private static <T> @Nullable T check(
      List<CardFieldError> errors, String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidCardValue e) {
      errors.add(new CardFieldError(field, e.getMessage()));
      return null;
    }
  }

  private static String required(@Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidCardValue("is required");
    }
    return value;
  }

  private static int month(@Nullable Integer month) {
    if (month == null) {
      throw new InvalidCardValue("is required");
    }
    if (month < 1 || month > 12) {
      throw new InvalidCardValue("must be a month from 1 to 12");
    }
    return month;
  }

  private static int year(@Nullable Integer year, YearMonth today) {
    if (year == null) {
      throw new InvalidCardValue("is required");
    }
    if (year < 1000 || year > 9999) {
      throw new InvalidCardValue("must be a four-digit year");
    }
    if (year > today.getYear() + MAX_YEARS_AHEAD) {
      throw new InvalidCardValue("is too far in the future");
    }
    return year;
  }

  private static YearMonth notExpired(YearMonth expiry, YearMonth today) {
    if (expiry.isBefore(today)) {
      throw new InvalidCardValue("the card has expired");
    }
    return expiry;
  }

  private static String securityCode(String code, @Nullable CardNumber card) {
    if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidCardValue("must contain only digits");
    }
    if (card != null && code.length() != card.brand().securityCodeLength()) {
      throw new InvalidCardValue(
          card.brand() == CardBrand.AMERICAN_EXPRESS
              ? "must have 4 digits for American Express"
              : "must have 3 digits");
    }
    if (code.length() < 3 || code.length() > 4) {
      throw new InvalidCardValue("must have 3 or 4 digits");
    }
    return code;
  }

  /** Names carry no digits; refusing them also stops a card number typed into the wrong field. */
  private static String holderName(@Nullable String name) {
    String holder = required(name).strip();
    if (holder.length() > MAX_HOLDER_NAME) {
      throw new InvalidCardValue("must have at most " + MAX_HOLDER_NAME + " characters");
    }
    if (holder.chars().anyMatch(Character::isDigit)) {
      throw new InvalidCardValue("must not contain digits");
    }
    return holder;
  }
}
