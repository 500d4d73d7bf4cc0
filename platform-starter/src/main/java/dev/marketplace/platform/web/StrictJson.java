package dev.marketplace.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
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

  /** The message a date outside the years any business date falls in carries. */
  public static final String DATE_OUT_OF_RANGE = "must be a date between the years 1900 and 9999";

  private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

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
        .addModule(
            new SimpleModule("clean-text-and-sane-dates")
                .addDeserializer(String.class, new CleanText())
                .addKeyDeserializer(String.class, new CleanKey())
                .addDeserializer(
                    Instant.class,
                    new Bounded<>(
                        Instant.class,
                        InstantDeserializer.INSTANT,
                        i -> !i.isBefore(EARLIEST) && !i.isAfter(LATEST)))
                .addDeserializer(
                    LocalDate.class,
                    new Bounded<>(
                        LocalDate.class,
                        LocalDateDeserializer.INSTANCE,
                        d -> d.getYear() >= 1900 && d.getYear() <= 9999)));
  }

  /** Whether a message is one this class refuses a value with, fit to show as the field's error. */
  public static boolean isItsRefusal(@Nullable String message) {
    return CONTROL_CHARACTERS.equals(message) || DATE_OUT_OF_RANGE.equals(message);
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

  /** A date read as usual, then refused when it lies outside any business's calendar. */
  private static final class Bounded<T> extends StdDeserializer<T> {

    private final ValueDeserializer<T> delegate;
    private final Predicate<T> sane;

    Bounded(Class<T> type, ValueDeserializer<T> delegate, Predicate<T> sane) {
      super(type);
      this.delegate = delegate;
      this.sane = sane;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
      T value = delegate.deserialize(p, ctxt);
      if (value != null && !sane.test(value)) {
        throw InvalidFormatException.from(p, DATE_OUT_OF_RANGE, value, handledType());
      }
      return value;
    }
  }

  /** A map's keys are text too. */
  private static final class CleanKey extends KeyDeserializer {

    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) {
      if (forbiddenCharacterIn(key) >= 0) {
        throw InvalidFormatException.from(ctxt.getParser(), CONTROL_CHARACTERS, key, String.class);
      }
      return key;
    }
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
