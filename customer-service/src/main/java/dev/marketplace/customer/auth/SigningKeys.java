package dev.marketplace.customer.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The configured signing keys as JWKs. Keys come from configuration, not generated at start-up, so
 * every replica and every restart signs with the same key and accepts the others' tokens.
 */
public final class SigningKeys {

  private final List<RSAKey> keys;

  public SigningKeys(List<AuthProperties.SigningKey> configured) {
    if (configured == null || configured.isEmpty()) {
      throw new IllegalStateException("marketplace.auth.signing-keys must name at least one key");
    }
    this.keys = configured.stream().map(SigningKeys::parse).toList();
  }

  /** The key that signs new tokens: the first configured. */
  public JWKSet active() {
    return new JWKSet(keys.getFirst());
  }

  /** Every key, for the JWK Set endpoint and for validating tokens. */
  public JWKSet all() {
    return new JWKSet(List.copyOf(keys));
  }

  private static RSAKey parse(AuthProperties.SigningKey key) {
    String base64 =
        key.privateKey()
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey privateKey =
          (RSAPrivateCrtKey)
              rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      RSAPublicKey publicKey =
          (RSAPublicKey)
              rsa.generatePublic(
                  new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      return new RSAKey.Builder(publicKey)
          .privateKey(privateKey)
          .keyID(key.id())
          .keyUse(KeyUse.SIGNATURE)
          .build();
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException(
          "signing key " + key.id() + " is not an RSA private key in PKCS#8 PEM form", e);
    }
  }
}
