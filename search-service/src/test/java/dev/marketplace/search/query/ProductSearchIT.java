package dev.marketplace.search.query;

import static dev.marketplace.search.Products.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.catalog.ProductChangedV1.Status;
import dev.marketplace.search.SearchIntegrationTest;
import dev.marketplace.testkit.ApiClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** What a shopper sees: text with typos, filters, facets, sorts, pages and suggestions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSearchIT extends SearchIntegrationTest {

  private final String marker = "m" + UUID.randomUUID().toString().substring(0, 6);

  @BeforeAll
  void catalogue() {
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    publish(
        product()
            .name("Brass desk lamp")
            .brand("Lumen")
            .category("lighting")
            .vendor("v-light")
            .attributes(Map.of("colour", "brass", "tag", marker))
            .price(4999)
            .createdAt(t)
            .build());
    publish(
        product()
            .name("Steel floor lamp")
            .brand("Lumen")
            .category("lighting")
            .vendor("v-light")
            .attributes(Map.of("colour", "black", "tag", marker))
            .price(8999)
            .createdAt(t.plusSeconds(10))
            .build());
    publish(
        product()
            .name("Oak dining table")
            .brand("Woodline")
            .category("furniture")
            .vendor("v-wood")
            .description("Seats six; oiled oak.")
            .attributes(Map.of("colour", "oak", "tag", marker))
            .price(49900)
            .createdAt(t.plusSeconds(20))
            .build());
    publish(
        product()
            .name("Oak side table")
            .brand("Woodline")
            .category("furniture")
            .vendor("v-wood")
            .attributes(Map.of("colour", "oak", "tag", marker))
            .price(12900)
            .createdAt(t.plusSeconds(30))
            .build());
    publish(
        product()
            .name("Draft lamp not for sale")
            .brand("Lumen")
            .category("lighting")
            .vendor("v-light")
            .status(Status.DRAFT)
            .attributes(Map.of("tag", marker))
            .price(100)
            .build());
    await().atMost(Duration.ofSeconds(15)).until(() -> totalFor("attr.tag=" + marker) == 4);
  }

  @Test
  void typosStillFindTheProduct() {
    assertThat(names("q=brass+dsek+lmap&attr.tag=" + marker)).containsExactly("Brass desk lamp");
    assertThat(names("q=lumen&attr.tag=" + marker))
        .containsExactlyInAnyOrder("Brass desk lamp", "Steel floor lamp");
  }

  @Test
  void textMatchesDescriptionsAndAttributesToo() {
    assertThat(names("q=oiled&attr.tag=" + marker)).containsExactly("Oak dining table");
    assertThat(names("q=black&attr.tag=" + marker)).containsExactly("Steel floor lamp");
  }

  @Test
  void draftsAreNeverFound() {
    assertThat(names("q=draft&attr.tag=" + marker)).isEmpty();
  }

  @Test
  void filtersNarrowTheResult() {
    assertThat(names("category=furniture&attr.tag=" + marker))
        .containsExactlyInAnyOrder("Oak dining table", "Oak side table");
    assertThat(names("vendor=v-light&brand=Lumen&attr.tag=" + marker)).hasSize(2);
    assertThat(names("minPrice=5000&maxPrice=20000&attr.tag=" + marker))
        .containsExactlyInAnyOrder("Steel floor lamp", "Oak side table");
    assertThat(names("attr.colour=oak&attr.colour=brass&attr.tag=" + marker))
        .containsExactlyInAnyOrder("Brass desk lamp", "Oak dining table", "Oak side table");
  }

  @Test
  void facetsCountTheWholeResult() {
    JsonNode facets = search("attr.tag=" + marker).json().path("facets");

    assertThat(count(facets.path("category"), "lighting")).isEqualTo(2);
    assertThat(count(facets.path("category"), "furniture")).isEqualTo(2);
    assertThat(count(facets.path("brand"), "Woodline")).isEqualTo(2);
    assertThat(count(facets.path("attributes").path("colour"), "oak")).isEqualTo(2);
    assertThat(facets.path("price").path("min").asLong()).isEqualTo(4999);
    assertThat(facets.path("price").path("max").asLong()).isEqualTo(49900);
    // Inventory has announced no stock for any of them: nothing can be bought yet.
    assertThat(facets.at("/availability/inStock").asLong()).isZero();
    assertThat(facets.at("/availability/outOfStock").asLong()).isEqualTo(4);
  }

  @Test
  void sortsByPriceAndNewest() {
    assertThat(names("sort=price_asc&attr.tag=" + marker))
        .containsExactly(
            "Brass desk lamp", "Steel floor lamp", "Oak side table", "Oak dining table");
    assertThat(names("sort=price_desc&attr.tag=" + marker).getFirst())
        .isEqualTo("Oak dining table");
    assertThat(names("sort=newest&attr.tag=" + marker).getFirst()).isEqualTo("Oak side table");
  }

  @Test
  void pagesDoNotOverlapAndCoverEverything() {
    List<String> seen = new ArrayList<>();
    Response first = search("sort=price_asc&size=3&page=0&attr.tag=" + marker);
    Response second = search("sort=price_asc&size=3&page=1&attr.tag=" + marker);
    seen.addAll(first.json().path("items").findValuesAsString("name"));
    seen.addAll(second.json().path("items").findValuesAsString("name"));

    assertThat(first.json().path("totalItems").asLong()).isEqualTo(4);
    assertThat(first.json().path("totalPages").asInt()).isEqualTo(2);
    assertThat(seen).hasSize(4).doesNotHaveDuplicates();
  }

  @Test
  void suggestionsCompleteWhatIsTyped() {
    Response response = api().get("/api/v1/search/suggestions?q=steel+flo");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().findValuesAsString("name")).contains("Steel floor lamp");
  }

  @Test
  void badParametersAreNamed() {
    assertBadParameter("size=1000", "size");
    assertBadParameter("sort=cheapest", "sort");
    assertBadParameter("minPrice=ten", "minPrice");
    assertBadParameter("minPrice=500&maxPrice=100", "minPrice");
    assertBadParameter("colour=red", "colour");
    assertBadParameter("currency=XYZ", "currency");
    assertBadParameter("page=100000", "page");
    assertBadParameter("inStock=yes", "inStock");
  }

  private void assertBadParameter(String query, String field) {
    Response response = search(query);
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("errors").findValuesAsString("field")).contains(field);
  }

  private Response search(String query) {
    return api().get("/api/v1/search/products?" + query);
  }

  private List<String> names(String query) {
    Response response = search(query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().path("items").findValuesAsString("name");
  }

  private long totalFor(String query) {
    return search(query).json().path("totalItems").asLong();
  }

  private static long count(JsonNode buckets, String value) {
    for (JsonNode bucket : buckets) {
      if (value.equals(bucket.path("value").asString())) {
        return bucket.path("count").asLong();
      }
    }
    return 0;
  }
}
