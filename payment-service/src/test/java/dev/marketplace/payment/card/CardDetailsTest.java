package dev.marketplace.payment.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CardDetailsTest {

  private static final YearMonth TODAY = YearMonth.of(2026, 11);

  @Test
  void aValidCardKeepsItsBrandLastFourAndExpiry() {
    CardDetails card = CardDetails.of("4242 4242-4242 4242", 11, 2026, "123", " Ada ", TODAY);

    assertThat(card.number().brand()).isEqualTo(CardBrand.VISA);
    assertThat(card.number().lastFour()).isEqualTo("4242");
    assertThat(card.expiry()).isEqualTo(TODAY);
    assertThat(card.holderName()).isEqualTo("Ada");
  }

  @Test
  void printingACardNeverShowsItsNumberOrCode() {
    CardDetails card = CardDetails.of("4000000000009995", 1, 2030, "987", "Ada", TODAY);

    assertThat(card.toString()).doesNotContain("4000000000009995").doesNotContain("987");
    assertThat(card.number().toString()).isEqualTo("VISA ****9995");
    assertThat(new CardRequest("4000000000009995", 1, 2030, "987", "Ada").toString())
        .doesNotContain("4000000000009995")
        .doesNotContain("987");
  }

  @Test
  void theLuhnCheckFindsATypo() {
    assertThat(CardNumber.passesLuhn("4242424242424242")).isTrue();
    assertThat(CardNumber.passesLuhn("4242424242424224")).isFalse();
    assertThat(CardNumber.passesLuhn("378282246310005")).isTrue();
  }

  @Test
  void brandsAreRecognisedByPrefixAndLength() {
    assertThat(CardNumber.parse("5105105105105100").brand()).isEqualTo(CardBrand.MASTERCARD);
    assertThat(CardNumber.parse("2223003122003222").brand()).isEqualTo(CardBrand.MASTERCARD);
    assertThat(CardNumber.parse("371449635398431").brand()).isEqualTo(CardBrand.AMERICAN_EXPRESS);
    assertThat(CardNumber.parse("6011000990139424").brand()).isEqualTo(CardBrand.DISCOVER);
    assertThat(errorOf("9111111111111110", 1, 2030, "123")).contains("brand");
  }

  @Test
  void aCardIsValidThroughItsExpiryMonth() {
    assertThat(CardDetails.of("4242424242424242", 11, 2026, "123", "Ada", TODAY).expiry())
        .isEqualTo(TODAY);
    InvalidCardException expired =
        catchThrowableOfType(
            InvalidCardException.class,
            () -> CardDetails.of("4242424242424242", 10, 2026, "123", "Ada", TODAY));
    assertThat(expired.errors())
        .containsExactly(new CardFieldError("expiryMonth", "the card has expired"));
    InvalidCardException lastYear =
        catchThrowableOfType(
            InvalidCardException.class,
            () -> CardDetails.of("4242424242424242", 12, 2025, "123", "Ada", TODAY));
    assertThat(lastYear.errors()).extracting(CardFieldError::field).containsExactly("expiryYear");
  }

  @Test
  void americanExpressTakesAFourDigitCodeAndOthersThree() {
    assertThat(CardDetails.of("378282246310005", 1, 2030, "1234", "Ada", TODAY)).isNotNull();
    assertThat(errorOf("378282246310005", 1, 2030, "123")).isEqualTo("cvc");
    assertThat(errorOf("4242424242424242", 1, 2030, "1234")).isEqualTo("cvc");
  }

  @Test
  void errorsNameFieldsAndNeverRepeatValues() {
    InvalidCardException invalid =
        catchThrowableOfType(
            InvalidCardException.class,
            () -> CardDetails.of("4242424242424241", 0, null, "9x", "Ada 4242", TODAY));

    assertThat(invalid.errors())
        .extracting(CardFieldError::field)
        .containsExactly("number", "expiryMonth", "expiryYear", "cvc", "holderName");
    assertThat(invalid.toString()).doesNotContain("4242424242424241");
    assertThat(invalid.errors().toString()).doesNotContain("4242424242424241").doesNotContain("9x");
    assertThat(invalid.getStackTrace()).isEmpty();
  }

  private static String errorOf(String number, int month, int year, String cvc) {
    InvalidCardException invalid =
        catchThrowableOfType(
            InvalidCardException.class,
            () -> CardDetails.of(number, month, year, cvc, "Ada", TODAY));
    return invalid.errors().getFirst().field().equals("number")
        ? invalid.errors().getFirst().message()
        : invalid.errors().getFirst().field();
  }
}
