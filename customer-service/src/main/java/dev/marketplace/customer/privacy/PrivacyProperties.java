package dev.marketplace.customer.privacy;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data, from a secret (env vars in production).
 *
 * @param encryptionKeys AES-256 keys by id, base64 (32 bytes each); old ids stay to read old rows
 * @param activeKey the id that encrypts new values
 * @param blindIndexKey HMAC key (base64, at least 32 bytes) for looking up emails without storing
 *     them in clear
 */
@ConfigurationProperties("marketplace.privacy")
public record PrivacyProperties(
    Map<String, String> encryptionKeys, String activeKey, String blindIndexKey) {}
