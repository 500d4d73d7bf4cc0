package dev.marketplace.customer.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts a String column on its way to the database and decrypts it on the way back. Hibernate
 * gets it from Spring (Boot wires Spring as Hibernate's bean container), so it receives the
 * configured cipher.
 */
@Converter
public class Encrypted implements AttributeConverter<String, String> {

  private final PersonalDataCipher cipher;

  public Encrypted(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public @Nullable String convertToDatabaseColumn(@Nullable String attribute) {
    return attribute == null ? null : cipher.encrypt(attribute);
  }

  @Override
  public @Nullable String convertToEntityAttribute(@Nullable String column) {
    return column == null ? null : cipher.decrypt(column);
  }
}
