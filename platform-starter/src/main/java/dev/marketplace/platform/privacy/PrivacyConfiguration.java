package dev.marketplace.platform.privacy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The field cipher of a service that keeps personal data (it configures its keys). */
@AutoConfiguration
@ConditionalOnProperty("marketplace.privacy.active-key")
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

  @Bean
  FieldCipher fieldCipher(PrivacyProperties properties) {
    return new FieldCipher(properties.encryptionKeys(), properties.activeKey());
  }
}
