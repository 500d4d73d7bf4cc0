package dev.marketplace.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.platform.web.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProductTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final Function<Product, PendingEvent> EVENT =
      p -> new PendingEvent("e" + p.revision(), p.status() + "@" + p.revision(), null);

  @Test
  void everyChangeBumpsTheRevisionAndRecordsOneEvent() {
    Product product = Product.create("p1", "v1", details("Lamp"), NOW, EVENT);
    product.update(details("Reading lamp"), NOW.plusSeconds(1), EVENT);
    product.publish(NOW.plusSeconds(2), EVENT);

    assertThat(product.revision()).isEqualTo(3);
    assertThat(product.pendingEvents())
        .extracting(PendingEvent::json)
        .containsExactly("DRAFT@1", "DRAFT@2", "PUBLISHED@3");
    assertThat(product.publishedAt()).isEqualTo(NOW.plusSeconds(2));
  }

  @Test
  void repeatingAStatusChangeChangesNothing() {
    Product product = Product.create("p1", "v1", details("Lamp"), NOW, EVENT);
    assertThat(product.publish(NOW, EVENT)).isTrue();
    assertThat(product.publish(NOW, EVENT)).isFalse();
    assertThat(product.archive(NOW, EVENT)).isTrue();
    assertThat(product.archive(NOW, EVENT)).isFalse();

    assertThat(product.revision()).isEqualTo(3);
    assertThat(product.pendingEvents()).hasSize(3);
  }

  @Test
  void anArchivedProductIsFinal() {
    Product product = Product.create("p1", "v1", details("Lamp"), NOW, EVENT);
    product.archive(NOW, EVENT);

    assertThatThrownBy(() -> product.publish(NOW, EVENT)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> product.update(details("New"), NOW, EVENT))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void variantsMustBeUniqueAndInOneCurrency() {
    Variant eur = new Variant("A", Map.of(), new Money(100, "EUR"));
    Variant usd = new Variant("B", Map.of(), new Money(100, "USD"));

    assertThatThrownBy(() -> details(List.of(eur, eur)))
        .isInstanceOf(InvalidProductException.class)
        .hasMessageContaining("duplicate sku A");
    assertThatThrownBy(() -> details(List.of(eur, usd)))
        .isInstanceOf(InvalidProductException.class)
        .hasMessageContaining("one currency");
    assertThatThrownBy(() -> details(List.of())).isInstanceOf(InvalidProductException.class);
  }

  @Test
  void moneyRefusesNegativeAmountsAndUnknownCurrencies() {
    assertThatThrownBy(() -> new Money(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Money(1, "XYZ")).isInstanceOf(IllegalArgumentException.class);
  }

  private static ProductDetails details(String name) {
    return new ProductDetails(
        name,
        null,
        null,
        null,
        Map.of(),
        List.of(new Variant("A", Map.of(), new Money(100, "EUR"))),
        List.of());
  }

  private static ProductDetails details(List<Variant> variants) {
    return new ProductDetails("Lamp", null, null, null, Map.of(), variants, List.of());
  }
}
