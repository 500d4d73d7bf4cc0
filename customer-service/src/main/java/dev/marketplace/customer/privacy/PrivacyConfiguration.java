package dev.marketplace.customer.privacy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

  @Bean
  BlindIndex blindIndex(PrivacyProperties properties) {
    return new BlindIndex(properties.blindIndexKey());
  }
}
