package dev.marketplace.inventory;

import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.hostile.HostileInputSuite;
import org.junit.jupiter.api.Test;

/** Every operation, varied by the generated hostile-input suite, answers a 4xx problem or works. */
class HostileInputIT extends InventoryIntegrationTest {

  @Test
  void everyOperationSurvivesHostileInput() {
    HostileInputSuite.probe(
            "inventory-service", "http://localhost:" + port, TestTokens.everyRole("hostile-vendor"))
        .assertClean();
  }
}
