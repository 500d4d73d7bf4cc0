package dev.marketplace.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringFilterTest {

  @Test
  void cleanParametersPass() {
    assertThat(QueryStringFilter.firstError("q=red+lamp&category=lamps&page=2&x")).isNull();
    assertThat(QueryStringFilter.firstError("q=%C3%A9t%C3%A9")).isNull();
  }

  @Test
  void percentEncodingThatIsNotUtf8IsNamed() {
    assertThat(QueryStringFilter.firstError("page=1&q=%FF"))
        .isEqualTo(new FieldError("q", "is not valid percent-encoded UTF-8"));
    assertThat(QueryStringFilter.firstError("page=%C3"))
        .extracting(FieldError::field)
        .isEqualTo("page");
    assertThat(QueryStringFilter.firstError("q=%")).isNotNull();
    assertThat(QueryStringFilter.firstError("q=%ZZ")).isNotNull();
  }

  @Test
  void controlCharactersAreRefusedWithoutEchoingAHostileName() {
    assertThat(QueryStringFilter.firstError("status=%00"))
        .isEqualTo(new FieldError("status", "must not contain control characters"));
    assertThat(QueryStringFilter.firstError("a%1Bb=1"))
        .isEqualTo(new FieldError("query", "must not contain control characters"));
  }

  @Test
  void namesAreDecodedOnceWithEmptyOnesLeftOut() {
    assertThat(
            QueryStringFilter.names("attr.colour=oak&sort=price_asc&&brand=a&brand=b&min%50rice=1"))
        .containsExactly("attr.colour", "sort", "brand", "brand", "minPrice");
  }
}
