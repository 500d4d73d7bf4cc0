package dev.marketplace.platform.address;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Reports each broken country rule on the field it concerns. */
public class PostalAddressValidator
    implements ConstraintValidator<ValidPostalAddress, PostalAddress> {

  @Override
  public boolean isValid(PostalAddress address, ConstraintValidatorContext context) {
    var problems = CountryRules.problems(address);
    if (problems.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    problems.forEach(
        (field, message) ->
            context
                .buildConstraintViolationWithTemplate(message.replace("{", "\\{"))
                .addPropertyNode(field)
                .addConstraintViolation());
    return false;
  }
}
