package dev.marketplace.platform.privacy;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A personal-data field of an entity: the value the code works with, and the ciphertext stored for
 * it. Entities create one with {@link #of}; {@link SealedFields} seals it before it is written and
 * opens it after it is read. Two values are equal when they hold the same ciphertext, so a value
 * read and opened is not dirty, and a value set anew (not yet sealed) always is.
 */
public final class Sealed {

  private final @Nullable String plain;
  private final @Nullable String stored;

  private Sealed(@Nullable String plain, @Nullable String stored) {
    this.plain = plain;
    this.stored = stored;
  }

  public static Sealed of(String plain) {
    return new Sealed(Objects.requireNonNull(plain), null);
  }

  /** The value, or null for a null field. */
  public static @Nullable Sealed ofNullable(@Nullable String plain) {
    return plain == null ? null : of(plain);
  }

  /** The value of a field that may be null. */
  public static @Nullable String valueOf(@Nullable Sealed sealed) {
    return sealed == null ? null : sealed.value();
  }

  static Sealed read(String stored) {
    return new Sealed(null, stored);
  }

  public String value() {
    if (plain == null) {
      throw new IllegalStateException(
          "a sealed value was read but not opened: list SealedFields in the entity's"
              + " @EntityListeners");
    }
    return plain;
  }

  boolean isSealed() {
    return stored != null;
  }

  @Nullable String stored() {
    return stored;
  }

  Sealed sealedAs(String ciphertext) {
    return new Sealed(plain, ciphertext);
  }

  Sealed openedAs(String value) {
    return new Sealed(value, stored);
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof Sealed that && stored != null && stored.equals(that.stored);
  }

  @Override
  public int hashCode() {
    return stored == null ? System.identityHashCode(this) : stored.hashCode();
  }

  /** Never the value: a sealed field logged by accident shows nothing personal. */
  @Override
  public String toString() {
    return "Sealed[***]";
  }
}
