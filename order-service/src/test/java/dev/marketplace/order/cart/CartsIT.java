package dev.marketplace.order.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.order.OrderIntegrationTest;
import dev.marketplace.order.catalog.ItemKey;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CartsIT extends OrderIntegrationTest {

  private static final ItemKey LAMP = new ItemKey("vendor-a", "SKU-LAMP");
  private static final ItemKey RUG = new ItemKey("vendor-a", "SKU-RUG");
  private static final ItemKey VASE = new ItemKey("vendor-b", "SKU-VASE");

  @Autowired Carts carts;

  @Test
  void aCheckoutTakesOnlyWhatItOrderedFromTheCart() {
    String shopper = UUID.randomUUID().toString();
    carts.put(shopper, LAMP, 2);
    carts.put(shopper, RUG, 1);
    Map<ItemKey, Integer> ordered = carts.items(shopper);

    // While the checkout runs, the shopper adds a line and changes another.
    carts.put(shopper, VASE, 1);
    carts.put(shopper, RUG, 3);
    carts.removeOrdered(shopper, ordered);

    assertThat(carts.items(shopper))
        .as("the ordered lamp is gone; the new vase and the changed rug stay")
        .containsExactlyInAnyOrderEntriesOf(Map.of(VASE, 1, RUG, 3));
  }

  @Test
  void aCheckoutOfAnUnchangedCartEmptiesIt() {
    String shopper = UUID.randomUUID().toString();
    carts.put(shopper, LAMP, 2);
    carts.put(shopper, RUG, 1);

    carts.removeOrdered(shopper, carts.items(shopper));

    assertThat(carts.items(shopper)).isEmpty();
  }

  @Test
  void oneSkuOfTwoVendorsIsTwoLines() {
    String shopper = UUID.randomUUID().toString();
    carts.put(shopper, new ItemKey("vendor-a", "SKU-1"), 1);
    carts.put(shopper, new ItemKey("vendor-b", "SKU-1"), 2);

    assertThat(carts.items(shopper))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(new ItemKey("vendor-a", "SKU-1"), 1, new ItemKey("vendor-b", "SKU-1"), 2));
  }
}
