package dev.marketplace.gateway.security;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The authorization server's own endpoints and pages (customer-service): discovery, JWKS,
 * authorize, token, the sign-in form, logout, userinfo, OIDC logout/registration, the sign-in
 * page's stylesheet. They are its session-and-form flow and its own token checks, so the gateway
 * routes them without bearer-token processing and passes their cookies through.
 */
public final class AuthorizationServerPaths {

  public static final String[] PATHS = {
    "/oauth2/**",
    "/.well-known/**",
    "/login",
    "/logout",
    "/userinfo",
    "/connect/**",
    // Spring Security's generated sign-in page links this stylesheet.
    "/default-ui.css"
  };

  private AuthorizationServerPaths() {}

  static ServerWebExchangeMatcher matcher() {
    return ServerWebExchangeMatchers.pathMatchers(PATHS);
  }
}
