package dev.marketplace.customer;

import dev.marketplace.testkit.hostile.HostileInputSuite;
import org.junit.jupiter.api.Test;

/**
 * Every operation, varied by the generated hostile-input suite, answers a 4xx problem or works: as
 * a shopper (profile, addresses, consent) and as staff (vendors, staff accounts).
 */
class HostileInputIT extends CustomerIntegrationTest {

  @Test
  void everyOperationSurvivesHostileInputFromAShopper() {
    String email = newEmail("hostile");
    signUpVerified(email);
    HostileInputSuite.probe(
            "customer-service as a shopper",
            baseUrl(),
            signInOnTheWeb(email, PASSWORD).accessToken())
        .assertClean();
  }

  @Test
  void everyOperationSurvivesHostileInputFromStaff() {
    HostileInputSuite.probe(
            "customer-service as staff",
            baseUrl(),
            signInOnTheWeb(ADMIN_EMAIL, ADMIN_PASSWORD).accessToken())
        .assertClean();
  }
}
