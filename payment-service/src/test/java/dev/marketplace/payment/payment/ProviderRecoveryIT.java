package dev.marketplace.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.payment.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A provider that times out and recovers within the retries: the timeout card here times out the
 * first two calls per key (of three attempts), so the third call, with the same key, authorises.
 */
@TestPropertySource(properties = "marketplace.payment.simulator.timeouts-before-success=2")
class ProviderRecoveryIT extends PaymentIntegrationTest {

  @Test
  void aTimeoutThatRecoversWithinTheRetriesAuthorisesOnce() {
    String shopper = newId("shopper");
    String order = newId("order");
    send(authorize(order, shopper, addCard(shopper, TIMEOUT), 4_200));

    assertThat(reply(order, PaymentAuthorizedV1.class).amountMinor()).isEqualTo(4_200);
    assertThat(providerCalls("authorize:" + order)).isEqualTo(3);
    assertThat(providerAuthorizations(order)).isEqualTo(1);
  }
}
