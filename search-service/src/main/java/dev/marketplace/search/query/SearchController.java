package dev.marketplace.search.query;

import dev.marketplace.platform.web.FieldError;
import dev.marketplace.platform.web.IsoCurrency;
import dev.marketplace.platform.web.ProblemDetailsAdvice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * attr.<name>=<value>}, {@code inStock} (true or false), {@code sort} (relevance, price_asc,
 * price_desc, newest), {@code page} (from 0) and {@code size} (1-100). Unknown parameters are
 * refused, so a misspelt filter is not silently ignored.
 */
@RestController
class SearchController {

  private static final int MAX_WINDOW = 10_000;

  /** The highest price the catalog accepts, in minor units. */
  private static final long MAX_PRICE = 1_000_000_000_000L;

  private static final Set<String> KNOWN =
      Set.of(
          "q",
          "category",
          "brand",
          "vendor",
          "minPrice",
          "maxPrice",
          "currency",
          "inStock",
          "sort",
          "page",
          "size");

  private final ProductSearch search;

  SearchController(ProductSearch search) {
    this.search = search;
  }

  @GetMapping("/api/v1/search/products")
  @Operation(
      summary = "Search published products",
      description =
          "Full text with typo tolerance, filters, facets, a sort and a page. Values of one filter"
              + " are OR'ed (repeat the parameter), filters are AND'ed. Attributes filter as"
              + " attr.<name>=<value> (e.g. attr.colour=oak). The facets count the whole result."
              + " Unknown parameters are refused (400 naming them).",
      parameters = {
        @Parameter(
            name = "q",
            in = ParameterIn.QUERY,
            description = "Free text, 1 to 200 characters",
            schema = @Schema(type = "string")),
        @Parameter(
            name = "category",
            in = ParameterIn.QUERY,
            description = "Category id (may repeat)",
            array = @ArraySchema(schema = @Schema(type = "string"))),
        @Parameter(
            name = "brand",
            in = ParameterIn.QUERY,
            description = "Brand (may repeat)",
            array = @ArraySchema(schema = @Schema(type = "string"))),
        @Parameter(
            name = "vendor",
            in = ParameterIn.QUERY,
            description = "Vendor id (may repeat)",
            array = @ArraySchema(schema = @Schema(type = "string"))),
        @Parameter(
            name = "minPrice",
            in = ParameterIn.QUERY,
            description = "Lowest \"from\" price in minor units",
            schema = @Schema(type = "integer", format = "int64", minimum = "0")),
        @Parameter(
            name = "maxPrice",
            in = ParameterIn.QUERY,
            description = "Highest \"from\" price in minor units",
            schema = @Schema(type = "integer", format = "int64", minimum = "0")),
        @Parameter(
            name = "currency",
            in = ParameterIn.QUERY,
            description = "ISO 4217 currency code",
            schema = @Schema(type = "string")),
        @Parameter(
            name = "inStock",
            in = ParameterIn.QUERY,
            description =
                "true: only products with a variant that can be bought now (in stock or low"
                    + " stock); false: only products with none, including products inventory has"
                    + " no stock for. Without it, both (facets.availability counts each).",
            schema = @Schema(type = "boolean")),
        @Parameter(
            name = "sort",
            in = ParameterIn.QUERY,
            description = "Order of the results; relevance without q is newest",
            schema =
                @Schema(
                    type = "string",
                    allowableValues = {"relevance", "price_asc", "price_desc", "newest"},
                    defaultValue = "relevance")),
        @Parameter(
            name = "page",
            in = ParameterIn.QUERY,
            description = "Page number, from 0 (at most 10,000 results deep)",
            schema =
                @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0")),
        @Parameter(
            name = "size",
            in = ParameterIn.QUERY,
            description = "Results per page",
            schema =
                @Schema(
                    type = "integer",
                    format = "int32",
                    minimum = "1",
                    maximum = "100",
                    defaultValue = "20"))
      })
  @ApiResponse(responseCode = "200", description = "A page of products and facet counts")
  @ApiResponse(
      responseCode = "400",
      description = "A parameter is unknown or has a bad value; each is named in errors[].field",
      content = @Content(mediaType = "application/problem+json"))
  SearchResponse products(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params)
      throws IOException {
    return search.search(parse(params));
  }

  @Operation(summary = "Suggest product names as the shopper types")
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
    Long minPrice = number(params, "minPrice", MAX_PRICE, errors);
    Long maxPrice = number(params, "maxPrice", MAX_PRICE, errors);
    if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
      errors.add(new FieldError("minPrice", "must not be greater than maxPrice"));
    }
    String currency = single(params, "currency");
    if (currency != null && !IsoCurrency.Validator.isIsoCode(currency)) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
    }
    Boolean inStock = bool(params, "inStock", errors);
    String sortValue = single(params, "sort");
    SearchRequest.Sort sort =
        sortValue == null ? SearchRequest.Sort.RELEVANCE : SearchRequest.Sort.parse(sortValue);
    if (sort == null) {
      errors.add(new FieldError("sort", "must be one of relevance, price_asc, price_desc, newest"));
    }
    Long page = number(params, "page", MAX_WINDOW, errors);
    Long size = number(params, "size", MAX_WINDOW, errors);
    int pageNumber = page == null ? 0 : page.intValue();
    int pageSize = size == null ? 20 : size.intValue();
    if (size != null && (size < 1 || size > 100)) {
      errors.add(new FieldError("size", "must be between 1 and 100"));
    } else if (page != null && (page < 0 || page > MAX_WINDOW / pageSize - 1)) {
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
        inStock,
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

  private static @Nullable Boolean bool(
      MultiValueMap<String, String> params, String name, List<FieldError> errors) {
    String value = single(params, name);
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        errors.add(new FieldError(name, "must be true or false"));
        yield null;
      }
    };
  }

  private static @Nullable Long number(
      MultiValueMap<String, String> params, String name, long max, List<FieldError> errors) {
    String value = single(params, name);
    if (value == null) {
      return null;
    }
    try {
      long number = Long.parseLong(value);
      if (number < 0 || number > max) {
        errors.add(new FieldError(name, "must be between 0 and " + max));
        return null;
      }
      return number;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(name, "must be a whole number"));
      return null;
    }
  }
}
