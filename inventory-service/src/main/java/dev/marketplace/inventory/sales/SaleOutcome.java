package dev.marketplace.inventory.sales;

/**
 * What became of one sale of a batch.
 *
 * @param status whether this request recorded it or an earlier one had
 * @param shortfall units sold beyond what the system had free at the store when it was recorded (a
 *     count to look into); 0 normally
 */
public record SaleOutcome(String saleId, Status status, int shortfall) {

  public enum Status {
    RECORDED,
    ALREADY_RECORDED
  }
}
