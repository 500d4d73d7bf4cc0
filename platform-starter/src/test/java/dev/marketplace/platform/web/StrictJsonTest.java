package dev.marketplace.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

  enum Kind {
    WAREHOUSE,
    STORE
  }

  record Location(String name, Kind kind, boolean granted, int quantity, List<String> tags) {}

  private final JsonMapper json = StrictJson.apply(JsonMapper.builder()).build();

  @Test
  void aWellTypedBodyReads() {
    Location location =
        json.readValue(
            "{\"name\":\"Main\\tst.\\nDepot \uD83D\uDE9A\",\"kind\":\"STORE\",\"granted\":true,"
                + "\"quantity\":2,\"tags\":[\"a\"]}",
            Location.class);
    assertThat(location.kind()).isEqualTo(Kind.STORE);
    assertThat(location.name()).contains("\uD83D\uDE9A");
  }

  @Test
  void anEnumByPositionIsRefused() {
    assertThatThrownBy(() -> read("\"kind\":1")).isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void aNumberIsNotABooleanNorText() {
    assertThatThrownBy(() -> read("\"granted\":1")).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("\"name\":12")).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("\"quantity\":\"2\""))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void controlCharactersAndBrokenSurrogatesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> read("\"name\":\"a\\u0000b\""))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining(StrictJson.CONTROL_CHARACTERS)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> read("\"tags\":[\"\\u001b[31m\"]"))
        .isInstanceOf(InvalidFormatException.class);
    assertThatThrownBy(() -> read("\"name\":\"a\\ud800b\""))
        .isInstanceOf(InvalidFormatException.class);
    assertThatThrownBy(() -> read("\"name\":\"\\udc00\""))
        .isInstanceOf(InvalidFormatException.class);
  }

  record Sale(java.time.Instant soldAt, java.time.LocalDate day) {}

  @Test
  void datesOutsideAnyBusinessCalendarAreRefused() {
    assertThat(
            json.readValue(
                    "{\"soldAt\":\"2026-12-07T10:00:00Z\",\"day\":\"2026-12-07\"}", Sale.class)
                .day())
        .hasYear(2026);
    assertThatThrownBy(
            () -> json.readValue("{\"soldAt\":\"-1000000-01-01T00:00:00Z\"}", Sale.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining(StrictJson.DATE_OUT_OF_RANGE);
    assertThatThrownBy(() -> json.readValue("{\"day\":\"+100000-01-01\"}", Sale.class))
        .isInstanceOf(InvalidFormatException.class);
  }

  /** A valid body with one field replaced by raw JSON ({@code "name":12}). */
  private Location read(String field) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", "\"n\"");
    fields.put("kind", "\"STORE\"");
    fields.put("granted", "true");
    fields.put("quantity", "1");
    fields.put("tags", "[]");
    String[] replaced = field.split(":", 2);
    fields.put(replaced[0].replace("\"", ""), replaced[1]);
    StringBuilder body = new StringBuilder("{");
    fields.forEach(
        (name, value) ->
            body.append(body.length() > 1 ? "," : "")
                .append('"')
                .append(name)
                .append("\":")
                .append(value));
    return json.readValue(body.append('}').toString(), Location.class);
  }
}
