package dev.marketplace.payment.money;

/** Money in API responses: {@code {"amount": <minor units>, "currency": "EUR"}}. */
public record MoneyView(long amount, String currency) {

  public static MoneyView of(Money money) {
    return new MoneyView(money.minor(), money.currencyCode());
  }
}
