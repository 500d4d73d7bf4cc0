package dev.marketplace.platform.privacy;

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
import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM for single fields. A stored value is {@code keyId:base64(iv || ciphertext+tag)}: the
 * key id lets keys rotate (new values use the active key, old ones stay readable). The place a
 * value is stored (its table, column and row, the {@code context}) is authenticated with it as
 * associated data: a value copied to another row or column, or tampered with, fails to open instead
 * of reading as someone else's data.
 */
public final class FieldCipher {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, SecretKey> keys = new HashMap<>();
  private final String activeKey;
  private final SecureRandom random = new SecureRandom();

  public FieldCipher(Map<String, String> base64Keys, String activeKey) {
    base64Keys.forEach(
        (id, base64) -> {
          byte[] key;
          try {
            key = Base64.getDecoder().decode(base64.strip());
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "encryption key "
                    + id
                    + " is not base64 (is PRIVACY_ENCRYPTION_KEY, or"
                    + " marketplace.privacy.encryption-keys."
                    + id
                    + ", set?)");
          }
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

  /** Where a value is stored, as associated data: {@code table.column:rowId}. */
  public static String context(String table, String column, Object rowId) {
    return table + "." + column + ":" + rowId;
  }

  public String seal(String plain, String context) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return activeKey + ":" + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /**
   * @throws UnreadableValueException when the value was sealed for another place, with a key not
   *     configured, or was altered
   */
  public String open(String stored, String context) {
    return open(stored, context.getBytes(StandardCharsets.UTF_8), context);
  }

  /**
   * Opens a value sealed without associated data, as values were before they were bound to their
   * place; only the migration that binds them uses it.
   */
  public String openUnbound(String stored) {
    return open(stored, null, "an unbound value");
  }

  private String open(String stored, byte @Nullable [] associatedData, String context) {
    int colon = stored.indexOf(':');
    SecretKey key = colon > 0 ? keys.get(stored.substring(0, colon)) : null;
    if (key == null) {
      throw new UnreadableValueException(context, "it is not sealed with a configured key");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new UnreadableValueException(context, "it is not base64");
    }
    if (bytes.length < IV_BYTES + TAG_BITS / 8) {
      throw new UnreadableValueException(context, "it is too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      if (associatedData != null) {
        cipher.updateAAD(associatedData);
      }
      byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new UnreadableValueException(
          context, "it fails authentication (sealed for another place, or altered)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed", e);
    }
  }

  /** A stored value that cannot be opened where it was found. */
  public static final class UnreadableValueException extends RuntimeException {
    UnreadableValueException(String context, String why) {
      super("The value at " + context + " cannot be opened: " + why + ".");
    }
  }
}
