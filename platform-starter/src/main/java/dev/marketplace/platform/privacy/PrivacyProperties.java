package dev.marketplace.platform.privacy;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that seal a service's personal data, from a secret (env vars in production).
 *
 * @param encryptionKeys AES-256 keys by id, base64 (32 bytes each); old ids stay to read old rows
 * @param activeKey the id that seals new values
 */
@ConfigurationProperties("marketplace.privacy")
public record PrivacyProperties(Map<String, String> encryptionKeys, String activeKey) {}
