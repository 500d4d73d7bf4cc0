package dev.marketplace.gateway.security;

import dev.marketplace.gateway.config.GatewayProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Two filter chains. The authorization server's paths pass through untouched (its own forms,
 * sessions and token checks); every other path is a resource server: a bearer token, if sent, must
 * be valid (issuer, audience, signature from the issuer's JWK Set, expiry, all from the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties), and {@link AccessRules} decide
 * by role. Both are stateless (no gateway session, no saved requests), answer CORS for the
 * configured origins and add the security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityWebFilterChain authorizationServerChain(
      ServerHttpSecurity http, CorsConfigurationSource cors) {
    return common(http.securityMatcher(AuthorizationServerPaths.matcher()), cors)
        .authorizeExchange(rules -> rules.anyExchange().permitAll())
        .build();
  }

  @Bean
  @Order(2)
  SecurityWebFilterChain apiChain(
      ServerHttpSecurity http,
      CorsConfigurationSource cors,
      SecurityProblems problems,
      ReactiveJwtDecoder decoder) {
    return common(http, cors)
        .authorizeExchange(AccessRules::apply)
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(unavailableKeysAsServiceError(decoder))
                                .jwtAuthenticationConverter(rolesFromToken())))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
    GatewayProperties.Cors settings = properties.cors();
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(settings.allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
    cors.setAllowedHeaders(settings.allowedHeaders());
    cors.setExposedHeaders(settings.exposedHeaders());
    cors.setAllowCredentials(settings.allowCredentials());
    cors.setMaxAge(settings.maxAge());
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }

  /** What both chains share. */
  private static ServerHttpSecurity common(ServerHttpSecurity http, CorsConfigurationSource cors) {
    return http.cors(c -> c.configurationSource(cors))
        // Bearer tokens are not sent automatically by browsers; the authorization server guards
        // its own forms with its own CSRF tokens.
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        // /logout belongs to the authorization server, not to a gateway session.
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .headers(
            headers ->
                headers
                    .frameOptions(frames -> frames.mode(Mode.DENY))
                    .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    // Whether an answer may be cached is the service's call (public product
                    // reads may be); the services' own security defaults say no-store elsewhere.
                    .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable));
  }

  /**
   * When the issuer's key set cannot be fetched the decoder fails with a plain {@code
   * IllegalStateException}, which would be a 500; as a {@link JwtException} that is not a {@code
   * BadJwtException} it becomes an authentication-service error: 503, the token not known to be
   * bad.
   */
  private static ReactiveJwtDecoder unavailableKeysAsServiceError(ReactiveJwtDecoder decoder) {
    return token ->
        decoder
            .decode(token)
            .onErrorMap(
                error -> !(error instanceof JwtException),
                error -> new JwtException("The token could not be checked: " + error, error));
  }

  /** The {@code roles} claim (SHOPPER, VENDOR, SUPPORT, ADMIN) as {@code ROLE_*} authorities. */
  private static ReactiveJwtAuthenticationConverter rolesFromToken() {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName("roles");
    roles.setAuthorityPrefix("ROLE_");
    ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        new ReactiveJwtGrantedAuthoritiesConverterAdapter(roles));
    return converter;
  }
}
