package dev.marketplace.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.marketplace.events.Outgoing;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.events.catalog.ProductChangedV1.Status;
import dev.marketplace.platform.domain.IllegalTransitionException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void everyChangeBumpsTheRevisionAndRecordsOneEvent() {
    Product product = Product.create("p1", "v1", details("Lamp"), NOW);
    product.update(details("Reading lamp"), NOW.plusSeconds(1));
    product.publish(NOW.plusSeconds(2));

    assertThat(product.revision()).isEqualTo(3);
    List<ProductChangedV1> changes = changes(product.takeRecorded());
    assertThat(changes)
        .extracting(ProductChangedV1::productVersion, ProductChangedV1::status)
        .containsExactly(
            tuple(1L, Status.DRAFT), tuple(2L, Status.DRAFT), tuple(3L, Status.PUBLISHED));
    assertThat(changes.get(1).name()).isEqualTo("Reading lamp");
    assertThat(changes.get(2).updatedAt()).isEqualTo(NOW.plusSeconds(2));
    assertThat(product.takeRecorded()).as("each is taken once").isEmpty();
    assertThat(product.publishedAt()).isEqualTo(NOW.plusSeconds(2));
  }

  @Test
  void repeatingAStatusChangeChangesNothing() {
    Product product = Product.create("p1", "v1", details("Lamp"), NOW);
    assertThat(product.publish(NOW)).isTrue();
    assertThat(product.publish(NOW)).isFalse();
    assertThat(product.archive(NOW)).isTrue();
    assertThat(product.archive(NOW)).isFalse();

    assertThat(product.revision()).isEqualTo(3);
    assertThat(product.takeRecorded()).hasSize(3);
  }

  @Test
  void anArchivedProductIsFinal() {
    Product product = Product.create("p1", "v1", details("Lamp"), NOW);
    product.archive(NOW);

    assertThatThrownBy(() -> product.publish(NOW)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> product.update(details("New"), NOW))
        .isInstanceOf(IllegalTransitionException.class);
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

  /** The recorded product events, checking each goes to the products topic. */
  private static List<ProductChangedV1> changes(List<Outgoing> recorded) {
    assertThat(recorded).extracting(Outgoing::topic).containsOnly(Topics.CATALOG_PRODUCTS);
    return recorded.stream().map(message -> (ProductChangedV1) message.payload()).toList();
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
