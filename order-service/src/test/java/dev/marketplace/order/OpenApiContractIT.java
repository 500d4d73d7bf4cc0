package dev.marketplace.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.testkit.OpenApiSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The published API is the committed one (see {@link OpenApiSnapshot}). */
class OpenApiContractIT extends OrderIntegrationTest {

  @Test
  void theApiMatchesTheCommittedOpenApiDocument() {
    assertThat(
            OpenApiSnapshot.compare(
                "http://localhost:" + port, Path.of("src/test/resources/openapi.json")))
        .isNull();
  }
}
