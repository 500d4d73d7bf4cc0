package dev.marketplace.platform.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own path rules (public reads, role-only writes), applied after the platform's rules
 * for actuator and API docs and before the final "everything else needs a valid token".
 */
@FunctionalInterface
public interface AuthorizationRules {

  void apply(
      AuthorizeHttpRequestsConfigurer<
                  org.springframework.security.config.annotation.web.builders.HttpSecurity>
              .AuthorizationManagerRequestMatcherRegistry
          rules);
}
