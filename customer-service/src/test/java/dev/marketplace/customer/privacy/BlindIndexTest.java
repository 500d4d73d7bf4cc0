package dev.marketplace.customer.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.customer.TestKeys;
import org.junit.jupiter.api.Test;

class BlindIndexTest {

  @Test
  void theBlindIndexMatchesAddressesWhateverTheirCaseAndIsKeyed() {
    BlindIndex index = new BlindIndex(TestKeys.randomBase64(32));

    assertThat(index.ofEmail(" Ada@Example.com ")).isEqualTo(index.ofEmail("ada@example.com"));
    assertThat(index.ofEmail("ada@example.com")).doesNotContain("ada");
    assertThat(new BlindIndex(TestKeys.randomBase64(32)).ofEmail("ada@example.com"))
        .isNotEqualTo(index.ofEmail("ada@example.com"));
  }
}
