package dev.marketplace.gateway.ratelimit;

/**
 * Routes share a rate-limit class; each class has its own bucket per caller and its own rate
 * ({@code marketplace.gateway.rate-limits.<name>}).
 */
public enum RateLimitClass {
  /** Anonymous-friendly reads: products, categories, search, API docs. */
  PUBLIC("public"),
  /** Everything that needs a token. */
  API("api"),
  /** Sign-in, sign-up and token endpoints: the first target of credential stuffing and spam. */
  IDENTITY("identity");

  private final String configName;

  RateLimitClass(String configName) {
    this.configName = configName;
  }

  /** The key under {@code marketplace.gateway.rate-limits}, also the Redis bucket prefix. */
  public String configName() {
    return configName;
  }
}
