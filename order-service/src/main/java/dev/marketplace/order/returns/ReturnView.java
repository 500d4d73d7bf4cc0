package dev.marketplace.order.returns;

import dev.marketplace.order.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A return as its shopper and its vendor see it: the lines sent back, the decision, what was
 * refunded (and whether the shipping was), and what became of the goods.
 */
public record ReturnView(
    UUID id,
    UUID orderId,
    String vendorId,
    ReturnStatus status,
    String reason,
    @Nullable String decisionReason,
    List<ReturnLine> lines,
    @Nullable Money refund,
    boolean shippingRefunded,
    @Nullable String restockOutcome,
    Instant requestedAt,
    @Nullable Instant decidedAt,
    @Nullable Instant receivedAt,
    @Nullable Instant refundedAt) {

  static ReturnView of(OrderReturn r) {
    return new ReturnView(
        r.id(),
        r.orderId(),
        r.vendorId(),
        r.status(),
        r.reason(),
        r.decisionReason(),
        r.lines(),
        r.refund(),
        r.shippingRefunded(),
        r.restockOutcome(),
        r.requestedAt(),
        r.decidedAt(),
        r.receivedAt(),
        r.refundedAt());
  }
}
