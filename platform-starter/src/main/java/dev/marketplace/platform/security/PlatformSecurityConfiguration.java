package dev.marketplace.platform.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server: it validates the JWT itself (the gateway is not the
 * only guard), maps the {@code roles} claim to {@code ROLE_*} authorities, and answers 401/403 as
 * problem+json. The issuer or key comes from the standard {@code
 * spring.security.oauth2.resourceserver.jwt.*} properties.
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformSecurityConfiguration {

  @Bean
  @ConditionalOnMissingBean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName("roles");
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(roles);
    return converter;
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
    return new ProblemSecurityHandlers(json);
  }

  /**
   * The API chain: stateless bearer tokens. It matches every request, so it comes last; a service
   * with other kinds of endpoints (the authorization server's login pages) adds chains with a
   * narrower {@code securityMatcher} before it.
   */
  @Bean
  @ConditionalOnMissingBean(name = "platformSecurityFilterChain")
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityFilterChain platformSecurityFilterChain(
      HttpSecurity http,
      JwtAuthenticationConverter converter,
      ProblemSecurityHandlers handlers,
      ObjectProvider<AuthorizationRules> serviceRules)
      throws Exception {
    List<AuthorizationRules> rules = serviceRules.orderedStream().toList();
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .authenticationEntryPoint(handlers)
                    .accessDeniedHandler(handlers)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(converter)))
        .authorizeHttpRequests(
            authorize -> {
              authorize
                  .requestMatchers(
                      "/actuator/health/**",
                      "/actuator/health",
                      "/actuator/info",
                      "/actuator/prometheus",
                      "/v3/api-docs/**",
                      "/swagger-ui/**",
                      "/swagger-ui.html",
                      "/error")
                  .permitAll()
                  .requestMatchers(HttpMethod.OPTIONS, "/**")
                  .permitAll();
              rules.forEach(rule -> rule.apply(authorize));
              authorize.anyRequest().authenticated();
            });
    return http.build();
  }
}
