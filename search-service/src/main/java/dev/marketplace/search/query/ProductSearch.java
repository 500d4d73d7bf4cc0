package dev.marketplace.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.marketplace.search.index.ProductIndex;
import dev.marketplace.search.query.SearchResponse.Availability;
import dev.marketplace.search.query.SearchResponse.Count;
import dev.marketplace.search.query.SearchResponse.Facets;
import dev.marketplace.search.query.SearchResponse.Price;
import dev.marketplace.search.query.SearchResponse.PriceRange;
import dev.marketplace.search.query.SearchResponse.Suggestion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link SearchRequest} into one engine query: typo-tolerant full text over name, brand,
 * description and attributes (name weighs most), filters, facet aggregations and a stable sort.
 */
@Component
public class ProductSearch {

  private static final String PUBLISHED = "PUBLISHED";
  private static final int FACET_SIZE = 50;
  private static final List<String> HIT_FIELDS =
      List.of(
          "productId",
          "name",
          "brand",
          "vendorId",
          "categoryId",
          "priceMin",
          "priceMax",
          "currency",
          "imageUrl",
          "attributes",
          "inStock");

  private final ElasticsearchClient client;
  private final ProductIndex index;

  public ProductSearch(ElasticsearchClient client, ProductIndex index) {
    this.client = client;
    this.index = index;
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    var response =
        client.search(
            s ->
                s.index(index.alias())
                    .query(query(request))
                    .from(request.page() * request.size())
                    .size(request.size())
                    .sort(sort(request))
                    .trackTotalHits(t -> t.enabled(true))
                    // Only what a hit shows: less JSON for the engine to write and for us to read.
                    .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                    .aggregations(
                        "category", a -> a.terms(t -> t.field("categoryId").size(FACET_SIZE)))
                    .aggregations(
                        "brand", a -> a.terms(t -> t.field("brand.keyword").size(FACET_SIZE)))
                    .aggregations("vendor", a -> a.terms(t -> t.field("vendorId").size(FACET_SIZE)))
                    .aggregations(
                        "attributes", a -> a.terms(t -> t.field("attributeFacets").size(200)))
                    .aggregations("price", a -> a.stats(st -> st.field("priceMin")))
                    .aggregations("inStock", a -> a.filter(inStock())),
            HitSource.class);
    long total = response.hits().total() == null ? 0 : response.hits().total().value();
    List<SearchResponse.Hit> items =
        response.hits().hits().stream()
            .map(Hit::source)
            .filter(Objects::nonNull)
            .map(ProductSearch::hit)
            .toList();
    Map<String, Aggregate> aggs = response.aggregations();
    Facets facets =
        new Facets(
            counts(aggs.get("category")),
            counts(aggs.get("brand")),
            counts(aggs.get("vendor")),
            attributeCounts(aggs.get("attributes")),
            priceRange(aggs.get("price")),
            availability(aggs.get("inStock"), total));
    int totalPages = (int) ((total + request.size() - 1) / request.size());
    return new SearchResponse(items, request.page(), request.size(), total, totalPages, facets);
  }

  /** Products whose name has words starting with what the shopper typed so far. */
  public List<Suggestion> suggest(String prefix, int size) throws IOException {
    var response =
        client.search(
            s ->
                s.index(index.alias())
                    .size(size * 2)
                    .source(src -> src.filter(f -> f.includes("productId", "name")))
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(published())
                                        .must(
                                            m ->
                                                m.multiMatch(
                                                    mm ->
                                                        mm.query(prefix)
                                                            .type(TextQueryType.BoolPrefix)
                                                            .fields(
                                                                "nameSuggest",
                                                                "nameSuggest._2gram",
                                                                "nameSuggest._3gram"))))),
            SuggestionSource.class);
    Set<String> names = new LinkedHashSet<>();
    List<Suggestion> suggestions = new ArrayList<>();
    for (var hit : response.hits().hits()) {
      SuggestionSource source = hit.source();
      if (source != null && names.add(source.name()) && suggestions.size() < size) {
        suggestions.add(new Suggestion(source.productId(), source.name()));
      }
    }
    return suggestions;
  }

  record SuggestionSource(String productId, String name) {}

  /** The fields of a product a hit shows ({@link #HIT_FIELDS}). */
  record HitSource(
      String productId,
      String name,
      @Nullable String brand,
      String vendorId,
      @Nullable String categoryId,
      long priceMin,
      long priceMax,
      String currency,
      @Nullable String imageUrl,
      Map<String, String> attributes,
      @Nullable Boolean inStock) {}

  private static Query query(SearchRequest r) {
    BoolQuery.Builder bool = new BoolQuery.Builder().filter(published());
    if (r.text() != null) {
      String text = r.text();
      bool.must(
          m ->
              m.multiMatch(
                  mm ->
                      mm.query(text)
                          .fields("name^3", "brand^2", "attributeText", "description")
                          .type(TextQueryType.BestFields)
                          .fuzziness("AUTO")
                          .prefixLength(1)
                          .operator(
                              co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)));
      // An exact phrase in the name ranks above scattered or fuzzy matches.
      bool.should(sh -> sh.matchPhrase(p -> p.field("name").query(text).boost(2.0f)));
    }
    terms(bool, "categoryId", r.categories());
    terms(bool, "brand.keyword", r.brands());
    terms(bool, "vendorId", r.vendors());
    if (r.currency() != null) {
      String currency = r.currency();
      bool.filter(f -> f.term(t -> t.field("currency").value(currency)));
    }
    if (r.minPrice() != null || r.maxPrice() != null) {
      bool.filter(
          f ->
              f.range(
                  range ->
                      range.number(
                          n -> {
                            n.field("priceMin");
                            if (r.minPrice() != null) {
                              n.gte(r.minPrice().doubleValue());
                            }
                            if (r.maxPrice() != null) {
                              n.lte(r.maxPrice().doubleValue());
                            }
                            return n;
                          })));
    }
    r.attributes()
        .forEach(
            (name, values) ->
                terms(bool, "attributeFacets", values.stream().map(v -> name + "=" + v).toList()));
    if (Boolean.TRUE.equals(r.inStock())) {
      bool.filter(inStock());
    } else if (Boolean.FALSE.equals(r.inStock())) {
      // Products without stock fields (inventory has announced nothing for them) count here too.
      bool.mustNot(inStock());
    }
    return bool.build()._toQuery();
  }

  private static Query published() {
    return Query.of(q -> q.term(t -> t.field("status").value(PUBLISHED)));
  }

  /** A variant can be bought now (see ProductStock). */
  private static Query inStock() {
    return Query.of(q -> q.term(t -> t.field("inStock").value(true)));
  }

  private static void terms(BoolQuery.Builder bool, String field, List<String> values) {
    if (!values.isEmpty()) {
      List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
      bool.filter(f -> f.terms(t -> t.field(field).terms(tv -> tv.value(fieldValues))));
    }
  }

  private static List<SortOptions> sort(SearchRequest r) {
    SearchRequest.Sort sort =
        r.sort() == SearchRequest.Sort.RELEVANCE && r.text() == null
            ? SearchRequest.Sort.NEWEST
            : r.sort();
    List<SortOptions> order = new ArrayList<>();
    switch (sort) {
      case RELEVANCE -> order.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
      case PRICE_ASC -> order.add(field("priceMin", SortOrder.Asc));
      case PRICE_DESC -> order.add(field("priceMin", SortOrder.Desc));
      case NEWEST -> order.add(field("createdAt", SortOrder.Desc));
    }
    // A unique tie-breaker keeps pages stable: no product appears on two pages or on none.
    order.add(field("productId", SortOrder.Asc));
    return order;
  }

  private static SortOptions field(String name, SortOrder order) {
    return SortOptions.of(s -> s.field(f -> f.field(name).order(order)));
  }

  private static SearchResponse.Hit hit(HitSource d) {
    return new SearchResponse.Hit(
        d.productId(),
        d.name(),
        d.brand(),
        d.vendorId(),
        d.categoryId(),
        new Price(d.priceMin(), d.currency()),
        new Price(d.priceMax(), d.currency()),
        d.imageUrl(),
        d.attributes(),
        Boolean.TRUE.equals(d.inStock()));
  }

  private static List<Count> counts(@Nullable Aggregate aggregate) {
    if (aggregate == null || !aggregate.isSterms()) {
      return List.of();
    }
    return aggregate.sterms().buckets().array().stream()
        .map(b -> new Count(b.key().stringValue(), b.docCount()))
        .toList();
  }

  private static Map<String, List<Count>> attributeCounts(@Nullable Aggregate aggregate) {
    Map<String, List<Count>> byName = new LinkedHashMap<>();
    if (aggregate == null || !aggregate.isSterms()) {
      return byName;
    }
    for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
      String facet = bucket.key().stringValue();
      int eq = facet.indexOf('=');
      if (eq > 0) {
        byName
            .computeIfAbsent(facet.substring(0, eq), k -> new ArrayList<>())
            .add(new Count(facet.substring(eq + 1), bucket.docCount()));
      }
    }
    return byName;
  }

  private static Availability availability(@Nullable Aggregate aggregate, long total) {
    long inStock = aggregate == null || !aggregate.isFilter() ? 0 : aggregate.filter().docCount();
    return new Availability(inStock, total - inStock);
  }

  private static @Nullable PriceRange priceRange(@Nullable Aggregate aggregate) {
    if (aggregate == null || !aggregate.isStats() || aggregate.stats().count() == 0) {
      return null;
    }
    return new PriceRange(aggregate.stats().min().longValue(), aggregate.stats().max().longValue());
  }
}
