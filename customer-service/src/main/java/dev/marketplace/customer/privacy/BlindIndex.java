package dev.marketplace.customer.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) of an email address: equal addresses give equal indexes, so sign-in
 * and sign-up can find an account, while the table holds no address in clear and the index cannot
 * be reversed without the key.
 */
public final class BlindIndex {

  private final SecretKeySpec key;

  public BlindIndex(String base64Key) {
    byte[] bytes = Base64.getDecoder().decode(base64Key);
    if (bytes.length < 32) {
      throw new IllegalArgumentException("blind index key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  public String ofEmail(String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest =
          mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
