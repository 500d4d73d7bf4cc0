package dev.marketplace.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.gateway.GatewayIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Sign-up (route class {@code identity}) is limited here to a burst of {@code IDENTITY_BURST} and
 * one more a second per caller; a caller is its token's subject, or its address when anonymous.
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
    // One token a second: an empty bucket holds one again within a second.
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(refused.header("X-RateLimit-Burst-Capacity")).isEqualTo("" + IDENTITY_BURST);
    assertThat(CUSTOMER.service().received()).hasSizeLessThanOrEqualTo(IDENTITY_BURST + 2);
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

  /** Refused at once, or after one more call if a token was added back in the meantime. */
  private static boolean isLimited(ApiClient caller) {
    return caller.post(SIGN_UP, "{}").status() == 429 || caller.post(SIGN_UP, "{}").status() == 429;
  }

  /**
   * Calls until refused. More than the burst may pass, since the bucket refills while the calls
   * run; far more may not.
   */
  private static ApiClient.Response firstRefusal(ApiClient caller) {
    for (int i = 0; i < IDENTITY_BURST + 5; i++) {
      ApiClient.Response response = caller.post(SIGN_UP, "{}");
      if (response.status() == 429) {
        return response;
      }
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
    throw new AssertionError("never refused");
  }
}
