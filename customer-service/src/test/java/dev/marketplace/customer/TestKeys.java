package dev.marketplace.customer;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Secrets for a test run: signing keys in PEM form and data keys, generated once per JVM. */
public final class TestKeys {

  public static final String SIGNING_KEY_1 = rsaPrivateKeyPem();
  public static final String SIGNING_KEY_2 = rsaPrivateKeyPem();
  public static final String ENCRYPTION_KEY = randomBase64(32);
  public static final String BLIND_INDEX_KEY = randomBase64(32);

  private TestKeys() {}

  public static String randomBase64(int bytes) {
    byte[] raw = new byte[bytes];
    new SecureRandom().nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  private static String rsaPrivateKeyPem() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      String body =
          Base64.getMimeEncoder(64, "\n".getBytes())
              .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
      return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
