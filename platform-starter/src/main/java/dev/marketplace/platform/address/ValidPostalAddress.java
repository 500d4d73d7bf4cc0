package dev.marketplace.platform.address;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The address's country exists and its postal code and region have that country's shape. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PostalAddressValidator.class)
public @interface ValidPostalAddress {

  String message() default "is not valid for the country";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
