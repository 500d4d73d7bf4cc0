package dev.marketplace.search.query;

import dev.marketplace.platform.web.FieldError;
import dev.marketplace.platform.web.IsoCurrency;
import dev.marketplace.platform.web.ProblemDetailsAdvice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public search API. Parameters: {@code q}, {@code category}, {@code brand}, {@code vendor}
 * (each may repeat), {@code minPrice}/{@code maxPrice} (minor units), {@code currency}, {@code
 * attr.<name>=<value>}, {@code sort} (relevance, price_asc, price_desc, newest), {@code page} (from
 * 0) and {@code size} (1-100). Unknown parameters are refused, so a misspelt filter is not silently
 * ignored.
 */
@RestController
class SearchController {

  private static final int MAX_WINDOW = 10_000;
  private static final Set<String> KNOWN =
      Set.of(
          "q",
          "category",
          "brand",
          "vendor",
          "minPrice",
          "maxPrice",
          "currency",
          "sort",
          "page",
          "size");

  private final ProductSearch search;

  SearchController(ProductSearch search) {
    this.search = search;
  }

  @GetMapping("/api/v1/search/products")
  SearchResponse products(@RequestParam MultiValueMap<String, String> params) throws IOException {
    return search.search(parse(params));
  }

  @GetMapping("/api/v1/search/suggestions")
  List<SearchResponse.Suggestion> suggestions(
      @RequestParam("q") String prefix, @RequestParam(defaultValue = "8") int size)
      throws IOException {
    List<FieldError> errors = new ArrayList<>();
    if (prefix.isBlank() || prefix.length() > 100) {
      errors.add(new FieldError("q", "must be 1 to 100 characters"));
    }
    if (size < 1 || size > 20) {
      errors.add(new FieldError("size", "must be between 1 and 20"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidSearchException(errors);
    }
    return search.suggest(prefix.strip(), size);
  }

  @ExceptionHandler(InvalidSearchException.class)
  ProblemDetail invalid(InvalidSearchException e) {
    return ProblemDetailsAdvice.validation(e.errors());
  }

  static SearchRequest parse(MultiValueMap<String, String> params) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    params.forEach(
        (name, values) -> {
          if (name.startsWith("attr.") && name.length() > 5) {
            attributes.put(name.substring(5), values);
          } else if (!KNOWN.contains(name)) {
            errors.add(new FieldError(name, "unknown parameter"));
          }
        });
    String text = single(params, "q");
    if (text != null && (text.isBlank() || text.length() > 200)) {
      errors.add(new FieldError("q", "must be 1 to 200 characters"));
    }
    Long minPrice = number(params, "minPrice", errors);
    Long maxPrice = number(params, "maxPrice", errors);
    if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
      errors.add(new FieldError("minPrice", "must not be greater than maxPrice"));
    }
    String currency = single(params, "currency");
    if (currency != null && !IsoCurrency.Validator.isIsoCode(currency)) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
    }
    String sortValue = single(params, "sort");
    SearchRequest.Sort sort =
        sortValue == null ? SearchRequest.Sort.RELEVANCE : SearchRequest.Sort.parse(sortValue);
    if (sort == null) {
      errors.add(new FieldError("sort", "must be one of relevance, price_asc, price_desc, newest"));
    }
    Long page = number(params, "page", errors);
    Long size = number(params, "size", errors);
    int pageNumber = page == null ? 0 : page.intValue();
    int pageSize = size == null ? 20 : size.intValue();
    if (size != null && (size < 1 || size > 100)) {
      errors.add(new FieldError("size", "must be between 1 and 100"));
    } else if (page != null && (page < 0 || (page + 1) * pageSize > MAX_WINDOW)) {
      errors.add(new FieldError("page", "must be between 0 and " + (MAX_WINDOW / pageSize - 1)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidSearchException(errors);
    }
    return new SearchRequest(
        text == null ? null : text.strip(),
        list(params, "category"),
        list(params, "brand"),
        list(params, "vendor"),
        minPrice,
        maxPrice,
        currency,
        attributes,
        sort,
        pageNumber,
        pageSize);
  }

  private static @Nullable String single(MultiValueMap<String, String> params, String name) {
    return params.getFirst(name);
  }

  private static List<String> list(MultiValueMap<String, String> params, String name) {
    List<String> values = params.get(name);
    return values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList();
  }

  private static @Nullable Long number(
      MultiValueMap<String, String> params, String name, List<FieldError> errors) {
    String value = single(params, name);
    if (value == null) {
      return null;
    }
    try {
      long number = Long.parseLong(value);
      if (number < 0) {
        errors.add(new FieldError(name, "must not be negative"));
      }
      return number;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(name, "must be a whole number"));
      return null;
    }
  }
}
