package dev.marketplace.customer.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key of the email blind index, from a secret (env vars in production). The keys that seal
 * personal data are platform-starter's ({@code marketplace.privacy.encryption-keys}).
 *
 * @param blindIndexKey HMAC key (base64, at least 32 bytes) for looking up emails without storing
 *     them in clear
 */
@ConfigurationProperties("marketplace.privacy")
public record PrivacyProperties(String blindIndexKey) {}
