package dev.marketplace.payment.provider;

import java.util.Objects;

/**
 * The key a provider call carries so that repeating it (a retry, a redelivered command, a restart
 * after a crash) returns the first call's result instead of moving money again. Keys are derived
 * from the order (and vendor), never random, so every repetition arrives with the same key.
 */
public record IdempotencyKey(String value) {

  public IdempotencyKey {
    Objects.requireNonNull(value, "value");
  }

  public static IdempotencyKey authorization(String orderId) {
    return new IdempotencyKey("authorize:" + orderId);
  }

  public static IdempotencyKey capture(String orderId, String vendorId) {
    return new IdempotencyKey("capture:" + orderId + ":" + vendorId);
  }

  public static IdempotencyKey voiding(String orderId) {
    return new IdempotencyKey("void:" + orderId);
  }

  public static IdempotencyKey refund(String orderId, String vendorId) {
    return new IdempotencyKey("refund:" + orderId + ":" + vendorId);
  }

  /** One of possibly several refunds of a vendor's part, named by the caller (a return's id). */
  public static IdempotencyKey refund(String orderId, String vendorId, String refundId) {
    return new IdempotencyKey("refund:" + orderId + ":" + vendorId + ":" + refundId);
  }

  @Override
  public String toString() {
    return value;
  }
}
