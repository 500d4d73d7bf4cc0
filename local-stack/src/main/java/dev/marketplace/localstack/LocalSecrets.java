package dev.marketplace.localstack;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets customer-service and order-service need (and the demo carrier's webhook secret), made
 * up for one run of the local stack (their databases are fresh every run, so nothing encrypted
 * outlives them). Production reads them from a secret store. Each service seals its personal data
 * with a key of its own.
 */
public record LocalSecrets(
    String signingKeyPem,
    String encryptionKey,
    String orderEncryptionKey,
    String blindIndexKey,
    String webClientSecret,
    String carrierSecret,
    String adminEmail,
    String adminPassword) {

  public static LocalSecrets generate() {
    return new LocalSecrets(
        rsaPrivateKeyPem(),
        random(32),
        random(32),
        random(32),
        random(24),
        random(24),
        "admin@demo.marketplace.dev",
        "local admin password " + random(6));
  }

  private static String random(int bytes) {
    byte[] raw = new byte[bytes];
    new SecureRandom().nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  /** A new RSA signing key for customer-service, PKCS#8 PEM: also what a key rotation adds. */
  public static String rsaPrivateKeyPem() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes())
              .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
