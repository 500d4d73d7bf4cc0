package dev.marketplace.search.config;

import dev.marketplace.platform.security.AuthorizationRules;
import dev.marketplace.platform.security.Roles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  @Bean
  java.time.Clock clock() {
    return java.time.Clock.systemUTC();
  }

  /** Search is public; rebuilding the index is for staff. */
  @Bean
  AuthorizationRules searchRules() {
    return rules ->
        rules
            .requestMatchers(
                HttpMethod.GET, "/api/v1/search/products", "/api/v1/search/suggestions")
            .permitAll()
            .requestMatchers("/api/v1/search/admin/**")
            .hasRole(Roles.ADMIN);
  }

  @Bean
  @ConditionalOnProperty(name = "marketplace.search.engine", havingValue = "opensearch")
  Rest5ClientBuilderCustomizer openSearchCompatibility() {
    return new OpenSearchCompatibility();
  }
}
