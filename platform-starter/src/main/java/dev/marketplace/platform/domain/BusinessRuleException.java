package dev.marketplace.platform.domain;

/**
 * A request asks for something a domain rule does not allow (a line that is not the vendor's, a
 * quantity beyond what was delivered). Thrown by domain objects, which know nothing of HTTP; the
 * platform answers it as a 400 validation problem naming the field.
 */
public class BusinessRuleException extends RuntimeException {

  private final String field;

  public BusinessRuleException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field the rule is about, as the problem names it. */
  public String field() {
    return field;
  }
}
