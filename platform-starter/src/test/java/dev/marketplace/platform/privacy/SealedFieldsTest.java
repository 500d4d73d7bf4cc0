package dev.marketplace.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.platform.address.SealedPostalAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The listener seals an entity's own fields and those of an embedded address, row-bound. */
class SealedFieldsTest {

  @Table(name = "parcel")
  static final class Parcel {
    @Id String id = "row-7";

    @Column(name = "note")
    Sealed note = Sealed.of("ring twice");

    @Embedded
    SealedPostalAddress to =
        new SealedPostalAddress(
            "Ann Example", "1 Main St", null, "Berlin", "10115", null, "DE", "+49 30 1234");
  }

  private final FieldCipher cipher =
      new FieldCipher(Map.of("k1", Base64.getEncoder().encodeToString(new byte[32])), "k1");
  private final SealedFields listener = new SealedFields(cipher);

  @Test
  void embeddedAddressPartsAreSealedBoundToTheirColumnAndRowAndOpenAgain() throws Exception {
    Parcel parcel = new Parcel();

    listener.seal(parcel);

    String line1 = stored(parcel.to, "line1");
    assertThat(line1).doesNotContain("Main");
    assertThat(cipher.open(line1, FieldCipher.context("parcel", "line1", "row-7")))
        .isEqualTo("1 Main St");
    assertThatThrownBy(() -> cipher.open(line1, FieldCipher.context("parcel", "city", "row-7")))
        .isInstanceOf(FieldCipher.UnreadableValueException.class);
    assertThat(cipher.open(parcel.note.stored(), FieldCipher.context("parcel", "note", "row-7")))
        .isEqualTo("ring twice");

    Parcel loaded = new Parcel();
    loaded.note = Sealed.read(parcel.note.stored());
    loadedAs(loaded.to, "line1", line1);
    listener.open(loaded);
    assertThat(loaded.to.line1()).isEqualTo("1 Main St");
    assertThat(loaded.note.value()).isEqualTo("ring twice");
  }

  @Test
  void anEntityWithoutAnAddressYetIsSealedWithoutOne() {
    Parcel parcel = new Parcel();
    parcel.to = null;

    listener.seal(parcel);

    assertThat(parcel.note.stored()).isNotNull();
  }

  private static String stored(SealedPostalAddress address, String part) throws Exception {
    Field field = SealedPostalAddress.class.getDeclaredField(part);
    field.setAccessible(true);
    return ((Sealed) field.get(address)).stored();
  }

  /** As Hibernate loads a row: the stored ciphertext in the field, not yet opened. */
  private static void loadedAs(SealedPostalAddress address, String part, String stored)
      throws Exception {
    Field field = SealedPostalAddress.class.getDeclaredField(part);
    field.setAccessible(true);
    field.set(address, Sealed.read(stored));
  }
}
