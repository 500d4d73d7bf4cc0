package dev.marketplace.platform.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/** Stores a {@link Sealed} field as its ciphertext; opening it is {@link SealedFields}' work. */
@Converter
public class SealedConverter implements AttributeConverter<Sealed, String> {

  @Override
  public @Nullable String convertToDatabaseColumn(@Nullable Sealed attribute) {
    if (attribute == null) {
      return null;
    }
    if (!attribute.isSealed()) {
      throw new IllegalStateException(
          "a personal-data field was about to be written in clear: list SealedFields in the"
              + " entity's @EntityListeners");
    }
    return attribute.stored();
  }

  @Override
  public @Nullable Sealed convertToEntityAttribute(@Nullable String column) {
    return column == null ? null : Sealed.read(column);
  }
}
