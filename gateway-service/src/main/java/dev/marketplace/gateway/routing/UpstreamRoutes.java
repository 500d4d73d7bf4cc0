package dev.marketplace.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import dev.marketplace.gateway.config.GatewayProperties;
import dev.marketplace.gateway.ratelimit.RateLimitClass;
import dev.marketplace.gateway.ratelimit.RateLimitFilters;
import java.util.function.Function;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.PredicateSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.stereotype.Component;

/**
 * Builds a route the same way for every service, in this order: the rate limit of its class (a
 * refused request never touches the upstream or its circuit), the upstream's circuit breaker (one
 * per service, shared by its routes), and the upstream's connect and response timeouts.
 */
@Component
class UpstreamRoutes {

  private final GatewayProperties properties;
  private final RateLimitFilters rateLimits;

  UpstreamRoutes(GatewayProperties properties, RateLimitFilters rateLimits) {
    this.properties = properties;
    this.rateLimits = rateLimits;
  }

  void add(
      RouteLocatorBuilder.Builder routes,
      String id,
      String service,
      RateLimitClass rateClass,
      Function<PredicateSpec, BooleanSpec> predicate) {
    routes.route(
        id,
        r -> toUpstream(predicate.apply(r).filters(f -> guarded(f, service, rateClass)), service));
  }

  /** {@code /v3/api-docs/<service>} is the service's own {@code /v3/api-docs}. */
  void addApiDocs(RouteLocatorBuilder.Builder routes, String service) {
    routes.route(
        "api-docs-" + service,
        r ->
            toUpstream(
                r.path("/v3/api-docs/" + service)
                    .filters(
                        f -> guarded(f, service, RateLimitClass.PUBLIC).setPath("/v3/api-docs")),
                service));
  }

  private GatewayFilterSpec guarded(
      GatewayFilterSpec filters, String service, RateLimitClass rateClass) {
    return filters
        .filter(rateLimits.forClass(rateClass))
        .circuitBreaker(breaker -> breaker.setName(service));
  }

  private Buildable<Route> toUpstream(UriSpec spec, String service) {
    GatewayProperties.ResolvedTimeouts timeouts = properties.timeoutsFor(service);
    return spec.metadata(CONNECT_TIMEOUT_ATTR, (int) timeouts.connect().toMillis())
        .metadata(RESPONSE_TIMEOUT_ATTR, timeouts.response().toMillis())
        .uri(properties.serviceUri(service));
  }
}
