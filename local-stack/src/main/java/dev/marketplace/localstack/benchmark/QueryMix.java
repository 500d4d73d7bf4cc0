package dev.marketplace.localstack.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's queries, each in two forms: the search-service request, and the engine request
 * that search-service builds for it (same fields, fuzziness, filters, sort, aggregations and page),
 * so the two measurements differ only by what the service adds.
 */
final class QueryMix {

  record Query(String serviceQuery, String engineBody) {}

  private QueryMix() {}

  static List<Query> queries() {
    List<Query> q = new ArrayList<>();
    q.add(of("q=brass+lamp", text("brass lamp"), "", sortRelevance(), 0));
    q.add(of("q=walnut+bokshelf", text("walnut bokshelf"), "", sortRelevance(), 0));
    q.add(
        of(
            "category=lighting&sort=price_asc",
            null,
            terms("categoryId", "lighting"),
            sort("priceMin", "asc"),
            0));
    q.add(
        of(
            "q=oak&minPrice=1000&maxPrice=20000",
            text("oak"),
            "{\"range\":{\"priceMin\":{\"gte\":1000.0,\"lte\":20000.0}}}",
            sortRelevance(),
            0));
    q.add(
        of(
            "attr.colour=green&category=textiles",
            null,
            terms("categoryId", "textiles") + "," + terms("attributeFacets", "colour=green"),
            sort("createdAt", "desc"),
            0));
    q.add(
        of(
            "q=ceramic&brand=Hearth&sort=newest",
            text("ceramic"),
            terms("brand.keyword", "Hearth"),
            sort("createdAt", "desc"),
            0));
    q.add(of("sort=newest&page=5", null, "", sort("createdAt", "desc"), 5));
    q.add(
        of(
            "q=velvet+armchair&attr.colour=blue",
            text("velvet armchair"),
            terms("attributeFacets", "colour=blue"),
            sortRelevance(),
            0));
    return q;
  }

  private static Query of(
      String serviceQuery, String textClauses, String filters, String sort, int page) {
    String must = textClauses == null ? "" : textClauses;
    String filter =
        "{\"term\":{\"status\":{\"value\":\"PUBLISHED\"}}}"
            + (filters.isEmpty() ? "" : "," + filters);
    String body =
        "{\"from\":"
            + page * 20
            + ",\"size\":20,\"track_total_hits\":true,"
            + "\"_source\":{\"includes\":[\"productId\",\"name\",\"brand\",\"vendorId\",\"categoryId\","
            + "\"priceMin\",\"priceMax\",\"currency\",\"imageUrl\",\"attributes\",\"inStock\"]},"
            + "\"query\":{\"bool\":{\"filter\":["
            + filter
            + "]"
            + must
            + "}},\"sort\":"
            + sort
            + ",\"aggregations\":{"
            + "\"category\":{\"terms\":{\"field\":\"categoryId\",\"size\":50}},"
            + "\"brand\":{\"terms\":{\"field\":\"brand.keyword\",\"size\":50}},"
            + "\"vendor\":{\"terms\":{\"field\":\"vendorId\",\"size\":50}},"
            + "\"attributes\":{\"terms\":{\"field\":\"attributeFacets\",\"size\":200}},"
            + "\"price\":{\"stats\":{\"field\":\"priceMin\"}},"
            + "\"inStock\":{\"filter\":{\"term\":{\"inStock\":{\"value\":true}}}}}}";
    return new Query(serviceQuery + "&size=20", body);
  }

  private static String text(String text) {
    return ",\"must\":[{\"multi_match\":{\"query\":\""
        + text
        + "\",\"fields\":[\"name^3\",\"brand^2\",\"attributeText\",\"description\"],"
        + "\"type\":\"best_fields\",\"fuzziness\":\"AUTO\",\"prefix_length\":1,\"operator\":\"and\"}}],"
        + "\"should\":[{\"match_phrase\":{\"name\":{\"query\":\""
        + text
        + "\",\"boost\":2.0}}}]";
  }

  private static String terms(String field, String value) {
    return "{\"terms\":{\"" + field + "\":[\"" + value + "\"]}}";
  }

  private static String sort(String field, String order) {
    return "[{\""
        + field
        + "\":{\"order\":\""
        + order
        + "\"}},{\"productId\":{\"order\":\"asc\"}}]";
  }

  private static String sortRelevance() {
    return "[{\"_score\":{\"order\":\"desc\"}},{\"productId\":{\"order\":\"asc\"}}]";
  }
}
