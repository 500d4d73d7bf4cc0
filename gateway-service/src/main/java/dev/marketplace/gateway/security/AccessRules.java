package dev.marketplace.gateway.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * Which role each API path needs, checked at the edge before a request reaches a service. The
 * services check again, and check ownership (a vendor's own products, a shopper's own data); these
 * rules only keep callers off APIs their role never grants. The first matching rule decides.
 */
final class AccessRules {

  static final String SHOPPER = "SHOPPER";
  static final String VENDOR = "VENDOR";
  static final String SUPPORT = "SUPPORT";
  static final String ADMIN = "ADMIN";

  private AccessRules() {}

  static void apply(AuthorizeExchangeSpec rules) {
    rules
        // Operations and documentation.
        .pathMatchers(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/webjars/swagger-ui/**",
            "/v3/api-docs/**")
        .permitAll()
        // Search administration (index rebuilds), before the public search reads.
        .pathMatchers("/api/v1/search/admin/**")
        .hasRole(ADMIN)
        // Public reads: browsing and search.
        .pathMatchers(GET, "/api/v1/products/**", "/api/v1/categories/**", "/api/v1/search/**")
        .permitAll()
        .pathMatchers("/api/v1/categories/**")
        .hasRole(ADMIN)
        // Sign-up, email verification and vendor applications come before any account exists.
        .pathMatchers(
            POST, "/api/v1/customers", "/api/v1/customers/verify-email", "/api/v1/vendors")
        .permitAll()
        // Carriers' webhooks are signed with the carrier's secret, which order-service checks.
        .pathMatchers(POST, "/api/v1/carriers/*/events")
        .permitAll()
        // An erased shopper's report: its key is the credential (the account is gone).
        .pathMatchers(GET, "/api/v1/customers/erasure-reports/*")
        .permitAll()
        .pathMatchers("/api/v1/customers/me/**")
        .hasRole(SHOPPER)
        // A shopper's cart, orders and saved cards.
        .pathMatchers(
            "/api/v1/cart",
            "/api/v1/cart/**",
            "/api/v1/orders",
            "/api/v1/orders/**",
            "/api/v1/payment-methods",
            "/api/v1/payment-methods/**")
        .hasRole(SHOPPER)
        .pathMatchers("/api/v1/vendor/**")
        .hasRole(VENDOR)
        .pathMatchers("/api/v1/admin/audit", "/api/v1/admin/audit/**")
        .hasRole(ADMIN)
        .pathMatchers(GET, "/api/v1/admin/**")
        .hasAnyRole(SUPPORT, ADMIN)
        .pathMatchers("/api/v1/admin/**")
        .hasRole(ADMIN)
        .anyExchange()
        .authenticated();
  }
}
