package dev.marketplace.gateway.routing;

import static dev.marketplace.gateway.ratelimit.RateLimitClass.API;
import static dev.marketplace.gateway.ratelimit.RateLimitClass.IDENTITY;
import static dev.marketplace.gateway.ratelimit.RateLimitClass.PUBLIC;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import dev.marketplace.gateway.config.GatewayProperties;
import dev.marketplace.gateway.security.AuthorizationServerPaths;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which service answers which path. A new service adds its base URI under {@code
 * marketplace.gateway.services} and its paths here (and its roles in {@code AccessRules}); its API
 * docs are routed automatically. Routes are tried in order, so a narrower route comes first.
 */
@Configuration(proxyBeanMethods = false)
class RouteTable {

  static final String CATALOG = "catalog";
  static final String SEARCH = "search";
  static final String CUSTOMER = "customer";
  static final String ORDER = "order";
  static final String INVENTORY = "inventory";
  static final String PAYMENT = "payment";

  @Bean
  RouteLocator marketplaceRoutes(
      RouteLocatorBuilder builder, UpstreamRoutes upstreams, GatewayProperties properties) {
    RouteLocatorBuilder.Builder routes = builder.routes();

    // Checkout: carts and orders (order-service), stock and stores (inventory-service), cards and
    // payments (payment-service). First, so that /api/v1/admin/orders and /api/v1/admin/payments
    // are not customer's.
    upstreams.add(
        routes,
        "order",
        ORDER,
        API,
        r ->
            r.path(
                "/api/v1/cart",
                "/api/v1/cart/**",
                "/api/v1/orders",
                "/api/v1/orders/**",
                "/api/v1/vendor/orders/**",
                "/api/v1/vendor/shipping-rates",
                "/api/v1/vendor/returns",
                "/api/v1/vendor/returns/**",
                "/api/v1/vendor/return-policy",
                "/api/v1/admin/orders/**"));
    // Carriers' signed webhooks: no token, the signature is checked by order-service.
    upstreams.add(
        routes,
        "carriers",
        ORDER,
        PUBLIC,
        r -> r.method(POST).and().path("/api/v1/carriers/*/events"));
    upstreams.add(
        routes,
        "inventory",
        INVENTORY,
        API,
        r -> r.path("/api/v1/vendor/locations/**", "/api/v1/vendor/skus/**"));
    upstreams.add(
        routes,
        "payment",
        PAYMENT,
        API,
        r ->
            r.path(
                "/api/v1/payment-methods",
                "/api/v1/payment-methods/**",
                "/api/v1/admin/payments/**"));

    // customer-service: the authorization server, then accounts and vendor organisations.
    upstreams.add(
        routes, "identity", CUSTOMER, IDENTITY, r -> r.path(AuthorizationServerPaths.PATHS));
    upstreams.add(
        routes,
        "sign-up",
        CUSTOMER,
        IDENTITY,
        r ->
            r.method(POST)
                .and()
                .path("/api/v1/customers", "/api/v1/customers/verify-email", "/api/v1/vendors"));
    upstreams.add(
        routes,
        "customer",
        CUSTOMER,
        API,
        r ->
            r.path(
                "/api/v1/customers/**",
                "/api/v1/vendors/**",
                "/api/v1/vendor/clients/**",
                "/api/v1/vendor/users/**",
                "/api/v1/admin/**"));

    // catalog-service: public browsing, then category administration and the vendor API.
    upstreams.add(
        routes,
        "catalog-read",
        CATALOG,
        PUBLIC,
        r -> r.method(GET).and().path("/api/v1/products/**", "/api/v1/categories/**"));
    upstreams.add(
        routes,
        "catalog",
        CATALOG,
        API,
        r -> r.path("/api/v1/products/**", "/api/v1/categories/**", "/api/v1/vendor/products/**"));

    // search-service: index administration, then public search.
    upstreams.add(routes, "search-admin", SEARCH, API, r -> r.path("/api/v1/search/admin/**"));
    upstreams.add(routes, "search", SEARCH, PUBLIC, r -> r.path("/api/v1/search/**"));

    // Each service's OpenAPI document for the gateway's Swagger UI: /v3/api-docs/<service>.
    for (String service : properties.services().keySet()) {
      upstreams.addApiDocs(routes, service);
    }
    return routes.build();
  }
}
