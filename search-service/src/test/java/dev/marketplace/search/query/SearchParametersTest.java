package dev.marketplace.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.marketplace.platform.web.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class SearchParametersTest {

  @Test
  void readsFiltersSortAndPage() {
    SearchRequest request =
        SearchController.parse(
            params(
                Map.of(
                    "q", List.of(" lamp "),
                    "brand", List.of("Lumen", "Woodline"),
                    "attr.colour", List.of("oak"),
                    "minPrice", List.of("100"),
                    "sort", List.of("price_desc"),
                    "page", List.of("2"),
                    "size", List.of("10"))));

    assertThat(request.text()).isEqualTo("lamp");
    assertThat(request.brands()).containsExactly("Lumen", "Woodline");
    assertThat(request.attributes()).containsEntry("colour", List.of("oak"));
    assertThat(request.minPrice()).isEqualTo(100);
    assertThat(request.sort()).isEqualTo(SearchRequest.Sort.PRICE_DESC);
    assertThat(request.page()).isEqualTo(2);
    assertThat(request.size()).isEqualTo(10);
    assertThat(request.inStock()).isNull();
  }

  @Test
  void inStockIsTrueFalseOrAbsent() {
    assertThat(SearchController.parse(params(Map.of("inStock", List.of("true")))).inStock())
        .isTrue();
    assertThat(SearchController.parse(params(Map.of("inStock", List.of("FALSE")))).inStock())
        .isFalse();
    InvalidSearchException error =
        catchThrowableOfType(
            InvalidSearchException.class,
            () -> SearchController.parse(params(Map.of("inStock", List.of("yes")))));
    assertThat(error.errors()).extracting(FieldError::field).containsExactly("inStock");
  }

  @Test
  void defaultsToRelevanceFirstPageOfTwenty() {
    SearchRequest request = SearchController.parse(new LinkedMultiValueMap<>());

    assertThat(request.sort()).isEqualTo(SearchRequest.Sort.RELEVANCE);
    assertThat(request.page()).isZero();
    assertThat(request.size()).isEqualTo(20);
  }

  @Test
  void namesEveryBadParameterAtOnce() {
    InvalidSearchException error =
        catchThrowableOfType(
            InvalidSearchException.class,
            () ->
                SearchController.parse(
                    params(
                        Map.of(
                            "size", List.of("0"),
                            "maxPrice", List.of("-5"),
                            "colour", List.of("red")))));

    assertThat(error.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("size", "maxPrice", "colour");
  }

  @Test
  void deepPagesBeyondTheResultWindowAreRefused() {
    InvalidSearchException error =
        catchThrowableOfType(
            InvalidSearchException.class,
            () ->
                SearchController.parse(
                    params(Map.of("page", List.of("100"), "size", List.of("100")))));

    assertThat(error.errors()).extracting(FieldError::field).containsExactly("page");
  }

  private static MultiValueMap<String, String> params(Map<String, List<String>> values) {
    return new LinkedMultiValueMap<>(values);
  }
}
