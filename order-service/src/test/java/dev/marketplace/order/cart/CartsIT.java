package dev.marketplace.order.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.order.OrderIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CartsIT extends OrderIntegrationTest {

  @Autowired Carts carts;

  @Test
  void aCheckoutTakesOnlyWhatItOrderedFromTheCart() {
    String shopper = UUID.randomUUID().toString();
    carts.put(shopper, "SKU-LAMP", 2);
    carts.put(shopper, "SKU-RUG", 1);
    Map<String, Integer> ordered = carts.items(shopper);

    // While the checkout runs, the shopper adds a line and changes another.
    carts.put(shopper, "SKU-VASE", 1);
    carts.put(shopper, "SKU-RUG", 3);
    carts.removeOrdered(shopper, ordered);

    assertThat(carts.items(shopper))
        .as("the ordered lamp is gone; the new vase and the changed rug stay")
        .containsExactlyInAnyOrderEntriesOf(Map.of("SKU-VASE", 1, "SKU-RUG", 3));
  }

  @Test
  void aCheckoutOfAnUnchangedCartEmptiesIt() {
    String shopper = UUID.randomUUID().toString();
    carts.put(shopper, "SKU-LAMP", 2);
    carts.put(shopper, "SKU-RUG", 1);

    carts.removeOrdered(shopper, carts.items(shopper));

    assertThat(carts.items(shopper)).isEmpty();
  }
}
