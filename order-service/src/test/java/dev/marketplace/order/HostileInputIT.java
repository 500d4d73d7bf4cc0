package dev.marketplace.order;

import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.hostile.HostileInputSuite;
import org.junit.jupiter.api.Test;

/** Every operation, varied by the generated hostile-input suite, answers a 4xx problem or works. */
class HostileInputIT extends OrderIntegrationTest {

  @Test
  void everyOperationSurvivesHostileInput() {
    HostileInputSuite.probe(
            "order-service", "http://localhost:" + port, TestTokens.everyRole("hostile-vendor"))
        .assertClean();
  }
}
