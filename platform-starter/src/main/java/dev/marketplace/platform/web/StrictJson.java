package dev.marketplace.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies mean what they say: no value is silently turned into another type ({@code 1} is
 * not {@code true}, nor the second constant of an enum, nor the text "1"), and no text carries
 * control characters (other than tab and line breaks) or broken UTF-16, which PostgreSQL refuses
 * and no consumer downstream can show. Refused here, they are a 400 naming the field instead of an
 * event that later fails.
 */
public final class StrictJson {

  /** The message a refused text carries, so the problem can say what is wrong with the field. */
  public static final String CONTROL_CHARACTERS = "must not contain control characters";

  private StrictJson() {}

  public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
    return builder
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .withCoercionConfig(
            LogicalType.Boolean,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .addModule(new SimpleModule("clean-text").addDeserializer(String.class, new CleanText()));
  }

  /** The first character no text field may hold, or -1. */
  public static int forbiddenCharacterIn(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return i;
      }
      if (Character.isHighSurrogate(c)
          && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static final class CleanText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      String text = super.deserialize(p, ctxt);
      if (text != null && forbiddenCharacterIn(text) >= 0) {
        throw InvalidFormatException.from(p, CONTROL_CHARACTERS, text, String.class);
      }
      return text;
    }
  }
}
