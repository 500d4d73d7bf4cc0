package dev.marketplace.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
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

  /** The audience every marketplace access token carries and every service requires. */
  public static final String AUDIENCE = "marketplace-api";

  private static final String KEY_ID = "test";
  private static final KeyPair KEYS = generate();
  private static volatile Path publicKeyFile;
  private static volatile String jwksUri;

  private TestTokens() {}

  public static String vendor(String vendorId) {
    return issue("vendor-user-" + vendorId, List.of("VENDOR"), Map.of("vendor_id", vendorId));
  }

  /**
   * A token with every role, for probes that should meet each endpoint's validation rather than its
   * role check (the hostile-input suite).
   */
  public static String everyRole(String vendorId) {
    return issue(
        "every-role-" + vendorId,
        List.of("SHOPPER", "VENDOR", "SUPPORT", "ADMIN"),
        Map.of("vendor_id", vendorId));
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

  /** Signed by the trusted key, but by another issuer. */
  public static String wrongIssuer(String vendorId) {
    return sign(
        "vendor-user-" + vendorId,
        List.of("VENDOR"),
        Map.of("vendor_id", vendorId, "iss", "https://someone-else.example"),
        Instant.now().plus(Duration.ofMinutes(15)),
        KEYS);
  }

  /** Signed by the trusted key and issuer, but meant for another API. */
  public static String wrongAudience(String vendorId) {
    return sign(
        "vendor-user-" + vendorId,
        List.of("VENDOR"),
        Map.of("vendor_id", vendorId, "aud", List.of("another-api")),
        Instant.now().plus(Duration.ofMinutes(15)),
        KEYS);
  }

  /**
   * The issuer's JWK Set, served over HTTP once per JVM, so services validate test tokens exactly
   * as they validate the real issuer's: {@code jwk-set-uri} plus {@code issuer-uri}.
   */
  public static synchronized String jwksUri() {
    if (jwksUri == null) {
      try {
        byte[] body =
            new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID(KEY_ID).build())
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
            "/jwks",
            exchange -> {
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, body.length);
              try (var out = exchange.getResponseBody()) {
                out.write(body);
              }
            });
        server.start();
        jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return jwksUri;
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

  /** Makes a service trust this issuer: its JWK Set URI, its issuer id and the audience. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
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
            .audience(AUDIENCE)
            .subject(subject)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(Instant.now().minusSeconds(5)))
            .expirationTime(Date.from(expiresAt))
            .claim("roles", roles);
    claims.forEach(builder::claim);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), builder.build());
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
