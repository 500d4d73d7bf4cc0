package dev.marketplace.inventory.stock;

/** A stock change that the current stock does not allow. */
public class StockRuleException extends RuntimeException {

  /** Which rule the change broke; the API answers each differently. */
  public enum Rule {
    /** On hand would drop below the units held for orders (or below zero). */
    BELOW_RESERVED,
    /** On hand would exceed {@link LocationStock#MAX_ON_HAND}. */
    ABOVE_MAXIMUM,
    /** The change was based on a version that is no longer current. */
    STALE_VERSION
  }

  private final Rule rule;

  public StockRuleException(Rule rule, String message) {
    super(message);
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }
}
