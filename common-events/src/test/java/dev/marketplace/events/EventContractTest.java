package dev.marketplace.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Published event versions never change incompatibly. Each version has a committed sample, written
 * when the version was published; today's code must read it without losing or changing any field,
 * and write every field of it back. Renaming, removing or retyping a field fails here; adding an
 * optional field does not. An incompatible change needs a new version (a new record and a new
 * sample).
 */
class EventContractTest {

  @TestFactory
  List<DynamicTest> everyPublishedVersionStillReadsAndWritesItsSample() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<EventType, Class<? extends Event>> entry : EventTypes.all().entrySet()) {
      EventType type = entry.getKey();
      tests.add(DynamicTest.dynamicTest(type.toString(), () -> roundTripsLosslessly(type)));
    }
    return tests;
  }

  @Test
  void aNewEnvelopeCarriesTheRegisteredTypeAndVersion() throws IOException {
    EventEnvelope<Event> sample = EventJson.read(sample(EventTypes.PRODUCT_CHANGED_V1));

    EventEnvelope<Event> fresh =
        EventEnvelope.of("catalog-service", sample.time(), null, sample.payload());

    assertThat(fresh.type()).isEqualTo("catalog.product.changed");
    assertThat(fresh.version()).isEqualTo(1);
    assertThat(fresh.key()).isEqualTo(sample.payload().key());
    assertThat(fresh.id()).isNotEqualTo(sample.id());
  }

  @Test
  void availabilityIsKeyedByVendorAndSkuBecauseSkusAreUniquePerVendorOnly() throws IOException {
    EventEnvelope<Event> sample = EventJson.read(sample(EventTypes.STOCK_AVAILABILITY_CHANGED_V1));

    assertThat(sample.payload().key())
        .isEqualTo("3c5e7a9b-1d2f-4a6c-8e0b-5d7f9a1c3e5b:CPL-1")
        .isEqualTo(sample.key());
  }

  @Test
  void unknownFieldsFromANewerProducerAreIgnored() throws IOException {
    String withExtra =
        sample(EventTypes.PRODUCT_CHANGED_V1)
            .replace("\"brand\": \"Lumen\",", "\"brand\": \"Lumen\", \"ecoScore\": 7,");

    EventEnvelope<Event> read = EventJson.read(withExtra);

    assertThat(read.payload().key()).isEqualTo("0b8e3e1c-8f7d-4f43-a7a5-6d2f3f6a9e10");
  }

  @Test
  void unknownTypesAndBrokenJsonAreMalformedNotCrashes() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> EventJson.read("{\"type\":\"nope\",\"version\":1,\"payload\":{}}")))
        .isInstanceOf(MalformedEventException.class);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> EventJson.read("{not json")))
        .isInstanceOf(MalformedEventException.class);
  }

  private static void roundTripsLosslessly(EventType type) throws IOException {
    String sample = sample(type);
    EventEnvelope<Event> read = EventJson.read(sample);
    assertThat(read.payload()).isInstanceOf(EventTypes.recordOf(type).orElseThrow());

    JsonNode original = EventJson.mapper().readTree(sample);
    JsonNode rewritten = EventJson.mapper().readTree(EventJson.write(read));
    assertContains(rewritten, original, "");
  }

  /** Every field of {@code expected} is in {@code actual} with the same value. */
  private static void assertContains(JsonNode actual, JsonNode expected, String path) {
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = expected.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path + "/" + field.getKey();
        assertThat(actual.has(field.getKey())).as("field %s is still written", fieldPath).isTrue();
        assertContains(actual.get(field.getKey()), field.getValue(), fieldPath);
      }
    } else if (expected.isArray()) {
      assertThat(actual.size()).as("size of %s", path).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertContains(actual.get(i), expected.get(i), path + "/" + i);
      }
    } else if (expected.isNumber()) {
      assertThat(actual.isNumber()).as("%s is still a number", path).isTrue();
      assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }

  private static String sample(EventType type) throws IOException {
    String name = "/contracts/" + type.name() + ".v" + type.version() + ".json";
    try (InputStream in = EventContractTest.class.getResourceAsStream(name)) {
      assertThat(in)
          .as("committed sample %s (add one when publishing a new version)", name)
          .isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
