package dev.marketplace.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.gateway.GatewayIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Sign-up (route class {@code identity}) is limited here to a burst of {@code IDENTITY_BURST} and
 * then one a minute per caller; a caller is its token's subject, or its address when anonymous.
 */
class RateLimitIT extends GatewayIntegrationTest {

  private static final String SIGN_UP = "/api/v1/customers";

  @Test
  void overTheLimitIsA429ProblemWithRetryAfter() {
    ApiClient caller = anonymous();

    ApiClient.Response refused = firstRefusal(caller);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/too-many-requests");
    // One token a second and 60 a sign-up: an empty bucket allows the next one in a minute.
    assertThat(refused.header("Retry-After")).isEqualTo("60");
    // Remaining and capacity count tokens: fewer left than one sign-up takes.
    assertThat(Long.parseLong(refused.header("X-RateLimit-Remaining")))
        .isBetween(0L, IDENTITY_TOKENS_PER_REQUEST - 1L);
    assertThat(refused.header("X-RateLimit-Burst-Capacity"))
        .isEqualTo("" + IDENTITY_BURST * IDENTITY_TOKENS_PER_REQUEST);
    assertThat(CUSTOMER.service().received()).hasSize(IDENTITY_BURST);
  }

  @Test
  void eachAddressHasItsOwnBucket() {
    String address = nextClientAddress();
    firstRefusal(fromAddress(address));

    assertThat(fromAddress(nextClientAddress()).post(SIGN_UP, "{}").status()).isEqualTo(200);
    assertThat(isLimited(fromAddress(address))).isTrue();
  }

  @Test
  void aUsersBucketIsTheirsNotTheirAddresss() {
    String address = nextClientAddress();
    String limitedUser = TestTokens.shopper(unique("shopper"));
    firstRefusal(fromAddress(address).withToken(limitedUser));

    // Another user at the same address, and an anonymous caller there, have buckets of their own.
    String otherUser = TestTokens.shopper(unique("shopper"));
    assertThat(fromAddress(address).withToken(otherUser).post(SIGN_UP, "{}").status())
        .isEqualTo(200);
    assertThat(fromAddress(address).post(SIGN_UP, "{}").status()).isEqualTo(200);
    // The limited user is limited from anywhere.
    assertThat(isLimited(withToken(limitedUser))).isTrue();
  }

  @Test
  void classesHaveSeparateBuckets() {
    ApiClient caller = anonymous();
    firstRefusal(caller);

    assertThat(caller.get("/api/v1/products").status()).isEqualTo(200);
  }

  private static boolean isLimited(ApiClient caller) {
    return caller.post(SIGN_UP, "{}").status() == 429;
  }

  /** Calls until refused, which must be right after the burst. */
  private static ApiClient.Response firstRefusal(ApiClient caller) {
    for (int i = 0; i < IDENTITY_BURST + 1; i++) {
      ApiClient.Response response = caller.post(SIGN_UP, "{}");
      if (response.status() == 429) {
        return response;
      }
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      // -1 would mean Redis did not answer and the call passed unlimited.
      assertThat(response.header("X-RateLimit-Remaining")).isNotEqualTo("-1");
    }
    throw new AssertionError("never refused");
  }
}
