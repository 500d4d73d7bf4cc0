package dev.marketplace.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

  private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String K2 = Base64.getEncoder().encodeToString("k2".repeat(16).getBytes());

  private final FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");

  @Test
  void aValueOpensOnlyWhereItWasSealed() {
    String here = FieldCipher.context("address", "line1", "row-1");
    String stored = cipher.seal("1 Main Street", here);

    assertThat(cipher.open(stored, here)).isEqualTo("1 Main Street");
    assertThatThrownBy(() -> cipher.open(stored, FieldCipher.context("address", "line1", "row-2")))
        .isInstanceOf(FieldCipher.UnreadableValueException.class)
        .hasMessageContaining("address.line1:row-2")
        .hasMessageContaining("another place");
    assertThatThrownBy(() -> cipher.open(stored, FieldCipher.context("address", "city", "row-1")))
        .isInstanceOf(FieldCipher.UnreadableValueException.class);
    assertThatThrownBy(() -> cipher.openUnbound(stored))
        .isInstanceOf(FieldCipher.UnreadableValueException.class);
  }

  @Test
  void anAlteredValueDoesNotOpen() {
    String here = FieldCipher.context("account", "email", "a");
    String stored = cipher.seal("ann@example.com", here);
    byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
    bytes[bytes.length - 1] ^= 1;
    String altered = "k1:" + Base64.getEncoder().encodeToString(bytes);

    assertThatThrownBy(() -> cipher.open(altered, here))
        .isInstanceOf(FieldCipher.UnreadableValueException.class);
    assertThatThrownBy(() -> cipher.open("k1:not base64!", here))
        .isInstanceOf(FieldCipher.UnreadableValueException.class);
    assertThatThrownBy(() -> cipher.open("k9:AAAA", here))
        .isInstanceOf(FieldCipher.UnreadableValueException.class)
        .hasMessageContaining("configured key");
  }

  @Test
  void valuesSealedWithAnOldKeyStayReadableAfterRotation() {
    String here = FieldCipher.context("vendor", "contact_email", "v");
    String old = cipher.seal("shop@example.com", here);
    FieldCipher rotated = new FieldCipher(Map.of("k1", K1, "k2", K2), "k2");

    assertThat(rotated.open(old, here)).isEqualTo("shop@example.com");
    assertThat(rotated.seal("x", here)).startsWith("k2:");
  }

  @Test
  void refusesKeysOfTheWrongSizeOrAMissingActiveKey() {
    assertThatThrownBy(() -> new FieldCipher(Map.of("k1", "AAAA"), "k1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FieldCipher(Map.of("k1", K1), "k9"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FieldCipher(Map.of("k1", "${PRIVACY_ENCRYPTION_KEY}"), "k1"))
        .hasMessageContaining("is PRIVACY_ENCRYPTION_KEY")
        .hasMessageContaining("set?");
  }
}
