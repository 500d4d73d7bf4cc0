package dev.marketplace.payment.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void addsAndSubtractsInOneCurrency() {
    Money ten = Money.of(1_000, "EUR");
    assertThat(ten.plus(Money.of(250, "EUR"))).isEqualTo(Money.of(1_250, "EUR"));
    assertThat(ten.minus(Money.of(1_000, "EUR")).isZero()).isTrue();
    assertThat(ten.exceeds(Money.of(999, "EUR"))).isTrue();
  }

  @Test
  void refusesNegativeAmountsMixedCurrenciesAndUnknownCodes() {
    assertThatThrownBy(() -> Money.of(100, "EUR").minus(Money.of(101, "EUR")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(1, "USD")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of(100, "eur")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of(100, "XYZ")).isInstanceOf(IllegalArgumentException.class);
  }
}
