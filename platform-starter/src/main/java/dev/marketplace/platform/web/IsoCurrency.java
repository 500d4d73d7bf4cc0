package dev.marketplace.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

/** The value is an ISO 4217 currency code such as EUR or USD. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoCurrency.Validator.class)
public @interface IsoCurrency {

  String message() default "must be an ISO 4217 currency code";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<IsoCurrency, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isIsoCode(value);
    }

    /** True for an ISO 4217 code as written (upper case), such as EUR. */
    public static boolean isIsoCode(String code) {
      try {
        return Currency.getInstance(code).getCurrencyCode().equals(code);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }
}
