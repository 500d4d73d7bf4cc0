package dev.marketplace.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code marketplace.gateway.*} setting; application.yaml documents each with its environment
 * variable.
 *
 * @param services base URI of each upstream service by name ({@code catalog}, {@code search},
 *     {@code customer}, ...); a route to a service that is not configured fails the start
 * @param timeouts {@code default} plus per-service overrides of the connect and response timeouts
 * @param trustedProxyCount how many proxies in front of the gateway append to {@code
 *     X-Forwarded-For} and set {@code X-Forwarded-Proto/Host/Port}; 0 when clients connect to the
 *     gateway directly
 * @param maxBodySize larger request bodies get 413
 * @param rateLimits token bucket per route class ({@code public}, {@code api}, {@code identity})
 * @param circuitBreaker when an upstream's circuit opens and how it recovers
 * @param cors which browser origins may call the API
 */
@ConfigurationProperties("marketplace.gateway")
public record GatewayProperties(
    @DefaultValue Map<String, URI> services,
    @DefaultValue Map<String, Timeouts> timeouts,
    @DefaultValue("0") int trustedProxyCount,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue Map<String, RateLimit> rateLimits,
    @DefaultValue CircuitBreaker circuitBreaker,
    @DefaultValue Cors cors) {

  private static final String DEFAULT = "default";

  public GatewayProperties {
    services = Map.copyOf(services);
    timeouts = Map.copyOf(timeouts);
    rateLimits = Map.copyOf(rateLimits);
    if (trustedProxyCount < 0) {
      throw new IllegalArgumentException(
          "marketplace.gateway.trusted-proxy-count must be 0 or more");
    }
  }

  /** The base URI of a service; a route table naming an unconfigured service is a startup error. */
  public URI serviceUri(String service) {
    URI uri = services.get(service);
    if (uri == null) {
      throw new IllegalStateException(
          "marketplace.gateway.services." + service + " is not set (the upstream's base URI)");
    }
    return uri;
  }

  /** The service's own timeouts where set, the {@code default} ones otherwise. */
  public ResolvedTimeouts timeoutsFor(String service) {
    Timeouts fallback = timeouts.getOrDefault(DEFAULT, new Timeouts(null, null));
    Timeouts own = timeouts.getOrDefault(service, fallback);
    return new ResolvedTimeouts(
        first(own.connect(), fallback.connect(), Duration.ofSeconds(2)),
        first(own.response(), fallback.response(), Duration.ofSeconds(10)));
  }

  /** The longest response timeout of any service: the longest an upstream may stay silent. */
  public Duration longestResponseTimeout() {
    return services.keySet().stream()
        .map(service -> timeoutsFor(service).response())
        .max(Duration::compareTo)
        .orElse(timeoutsFor(DEFAULT).response());
  }

  public RateLimit rateLimit(String routeClass) {
    RateLimit limit = rateLimits.get(routeClass);
    if (limit == null) {
      throw new IllegalStateException(
          "marketplace.gateway.rate-limits." + routeClass + " is not set (replenish-rate, ...)");
    }
    return limit;
  }

  private static Duration first(@Nullable Duration a, @Nullable Duration b, Duration fallback) {
    return a != null ? a : b != null ? b : fallback;
  }

  /** Timeouts as configured; a missing one falls back to {@code default}. */
  public record Timeouts(@Nullable Duration connect, @Nullable Duration response) {}

  /**
   * @param connect how long opening a connection to the upstream may take
   * @param response how long the upstream may take to start answering (and to stay silent while it
   *     streams its body)
   */
  public record ResolvedTimeouts(Duration connect, Duration response) {}

  /**
   * A token bucket: {@code replenishRate} tokens a second, at most {@code burstCapacity} saved up,
   * {@code requestedTokens} per request (so 1 token a second and 60 per request is one request a
   * minute).
   */
  public record RateLimit(
      int replenishRate, long burstCapacity, @DefaultValue("1") int requestedTokens) {

    public RateLimit {
      if (replenishRate < 1 || requestedTokens < 1 || burstCapacity < replenishRate) {
        throw new IllegalArgumentException(
            "a rate limit needs replenish-rate >= 1, requested-tokens >= 1 and burst-capacity >="
                + " replenish-rate");
      }
    }

    /** Whole seconds until an empty bucket holds enough tokens for one more request. */
    public long retryAfterSeconds() {
      return Math.max(1, (requestedTokens + replenishRate - 1) / replenishRate);
    }
  }

  /**
   * @param failureRateThreshold percentage of failed calls that opens the circuit
   * @param slidingWindowSize how many recent calls the rate is computed over
   * @param minimumNumberOfCalls calls needed before the rate counts
   * @param waitInOpenState how long an open circuit refuses calls before it lets a few through
   * @param permittedCallsInHalfOpenState trial calls that decide whether it closes again
   */
  public record CircuitBreaker(
      @DefaultValue("50") float failureRateThreshold,
      @DefaultValue("20") int slidingWindowSize,
      @DefaultValue("10") int minimumNumberOfCalls,
      @DefaultValue("10s") Duration waitInOpenState,
      @DefaultValue("3") int permittedCallsInHalfOpenState) {}

  /**
   * @param allowedOrigins browser origins (scheme://host[:port]) allowed to call; none by default
   * @param allowedHeaders request headers they may send
   * @param exposedHeaders response headers their scripts may read
   * @param allowCredentials whether cookies may be sent cross-origin (the API uses bearer tokens)
   * @param maxAge how long a browser may cache a preflight answer
   */
  public record Cors(
      @DefaultValue({}) List<String> allowedOrigins,
      @DefaultValue({
            "Authorization",
            "Content-Type",
            "Accept",
            "If-Match",
            "If-None-Match",
            "Idempotency-Key",
            "traceparent",
            "tracestate"
          })
          List<String> allowedHeaders,
      @DefaultValue({
            "ETag",
            "Location",
            "Retry-After",
            "X-Correlation-Id",
            "X-RateLimit-Remaining",
            "X-RateLimit-Replenish-Rate",
            "X-RateLimit-Burst-Capacity"
          })
          List<String> exposedHeaders,
      @DefaultValue("false") boolean allowCredentials,
      @DefaultValue("1h") Duration maxAge) {}
}
