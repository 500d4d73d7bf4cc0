package dev.marketplace.customer.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.customer.TestKeys;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

  private static final String K1 = TestKeys.randomBase64(32);
  private static final String K2 = TestKeys.randomBase64(32);

  @Test
  void encryptsSoTheSameValueNeverLooksTheSameAndDecryptsBack() {
    PersonalDataCipher cipher = new PersonalDataCipher(Map.of("k1", K1), "k1");

    String first = cipher.encrypt("Ada Lovelace");
    String second = cipher.encrypt("Ada Lovelace");

    assertThat(first).startsWith("k1:").doesNotContain("Ada").isNotEqualTo(second);
    assertThat(cipher.decrypt(first)).isEqualTo("Ada Lovelace");
  }

  @Test
  void afterRotationNewValuesUseTheNewKeyAndOldOnesStillRead() {
    String old = new PersonalDataCipher(Map.of("k1", K1), "k1").encrypt("12 St James's Square");
    PersonalDataCipher rotated = new PersonalDataCipher(Map.of("k1", K1, "k2", K2), "k2");

    assertThat(rotated.encrypt("x")).startsWith("k2:");
    assertThat(rotated.decrypt(old)).isEqualTo("12 St James's Square");
  }

  @Test
  void aTamperedValueOrAnUnknownKeyFailsInsteadOfReadingGarbage() {
    PersonalDataCipher cipher = new PersonalDataCipher(Map.of("k1", K1), "k1");
    String stored = cipher.encrypt("+44 20 7946 0958");
    byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
    bytes[bytes.length - 1] ^= 1;
    String tampered = "k1:" + Base64.getEncoder().encodeToString(bytes);

    assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new PersonalDataCipher(Map.of("k2", K2), "k2").decrypt(stored))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesKeysOfTheWrongSizeOrAMissingActiveKey() {
    assertThatThrownBy(() -> new PersonalDataCipher(Map.of("k1", TestKeys.randomBase64(16)), "k1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PersonalDataCipher(Map.of("k1", K1), "k9"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBlindIndexMatchesAddressesWhateverTheirCaseAndIsKeyed() {
    BlindIndex index = new BlindIndex(K1);

    assertThat(index.ofEmail(" Ada@Example.com ")).isEqualTo(index.ofEmail("ada@example.com"));
    assertThat(index.ofEmail("ada@example.com")).doesNotContain("ada");
    assertThat(new BlindIndex(K2).ofEmail("ada@example.com"))
        .isNotEqualTo(index.ofEmail("ada@example.com"));
  }
}
