package dev.marketplace.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Signs access tokens the way the marketplace's issuer will: RS256 JWTs with subject, {@code roles}
 * and, for vendors, {@code vendor_id}. Services under test trust the key through the standard
 * resource-server property {@code spring.security.oauth2.resourceserver.jwt.public-key-location},
 * so the real issuer later needs only configuration.
 */
public final class TestTokens {

  public static final String ISSUER = "https://issuer.test.marketplace";

  private static final KeyPair KEYS = generate();
  private static volatile Path publicKeyFile;

  private TestTokens() {}

  public static String vendor(String vendorId) {
    return issue("vendor-user-" + vendorId, List.of("VENDOR"), Map.of("vendor_id", vendorId));
  }

  public static String shopper(String customerId) {
    return issue(customerId, List.of("SHOPPER"), Map.of());
  }

  public static String issue(String subject, List<String> roles, Map<String, Object> claims) {
    return issue(subject, roles, claims, Duration.ofMinutes(15));
  }

  public static String issue(
      String subject, List<String> roles, Map<String, Object> claims, Duration lifetime) {
    return sign(subject, roles, claims, Instant.now().plus(lifetime), KEYS);
  }

  /** A token that expired a minute ago. */
  public static String expired(String vendorId) {
    return sign(
        "vendor-user-" + vendorId,
        List.of("VENDOR"),
        Map.of("vendor_id", vendorId),
        Instant.now().minus(Duration.ofMinutes(1)),
        KEYS);
  }

  /** A well-formed token signed by a key the services do not trust. */
  public static String forged(String vendorId) {
    return sign(
        "vendor-user-" + vendorId,
        List.of("VENDOR"),
        Map.of("vendor_id", vendorId),
        Instant.now().plus(Duration.ofMinutes(15)),
        generate());
  }

  /** The public key as a PEM file, written once per JVM. */
  public static synchronized Path publicKeyFile() {
    if (publicKeyFile == null) {
      try {
        Path file = Files.createTempFile("marketplace-test-issuer", ".pub.pem");
        file.toFile().deleteOnExit();
        writePublicKey(file);
        publicKeyFile = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return publicKeyFile;
  }

  /** Writes the public key to {@code file} in PEM form (used by the local stack, too). */
  public static void writePublicKey(Path file) throws IOException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
    Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
  }

  public static void register(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        () -> publicKeyFile().toUri().toString());
  }

  private static String sign(
      String subject,
      List<String> roles,
      Map<String, Object> claims,
      Instant expiresAt,
      KeyPair keys) {
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(subject)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(Instant.now().minusSeconds(5)))
            .expirationTime(Date.from(expiresAt))
            .claim("roles", roles);
    claims.forEach(builder::claim);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), builder.build());
    try {
      jwt.sign(new RSASSASigner(keys.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
