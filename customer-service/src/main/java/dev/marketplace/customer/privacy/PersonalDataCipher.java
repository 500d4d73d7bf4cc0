package dev.marketplace.customer.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for single fields. A stored value is {@code keyId:base64(iv || ciphertext+tag)}: the
 * key id lets keys rotate (new values use the active key, old ones stay readable), and GCM's tag
 * makes a tampered value fail to decrypt instead of decrypting to garbage.
 */
public final class PersonalDataCipher {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, SecretKey> keys = new HashMap<>();
  private final String activeKey;
  private final SecureRandom random = new SecureRandom();

  public PersonalDataCipher(Map<String, String> base64Keys, String activeKey) {
    base64Keys.forEach(
        (id, base64) -> {
          byte[] key = Base64.getDecoder().decode(base64);
          if (key.length != 32) {
            throw new IllegalArgumentException("encryption key " + id + " must be 32 bytes");
          }
          if (id.contains(":")) {
            throw new IllegalArgumentException("encryption key id must not contain ':'");
          }
          keys.put(id, new SecretKeySpec(key, "AES"));
        });
    if (!keys.containsKey(activeKey)) {
      throw new IllegalArgumentException(
          "active encryption key " + activeKey + " is not configured");
    }
    this.activeKey = activeKey;
  }

  public String encrypt(String plain) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return activeKey + ":" + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  public String decrypt(String stored) {
    int colon = stored.indexOf(':');
    SecretKey key = colon > 0 ? keys.get(stored.substring(0, colon)) : null;
    if (key == null) {
      throw new IllegalStateException("value is not encrypted with a configured key");
    }
    byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored value failed authentication", e);
    }
  }
}
