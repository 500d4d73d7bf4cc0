package dev.marketplace.payment.payment;

import dev.marketplace.platform.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Payments by operation and result ({@code marketplace_payments_total{operation, result}}), the
 * business view operators watch next to error rates: a surge of declines or of provider failures
 * shows here before shoppers complain. Counted when the change commits, so a rolled-back attempt
 * (retried later) is counted once, by the attempt that stands.
 */
@Component
class PaymentMetrics {

  private final MeterRegistry meters;

  PaymentMetrics(MeterRegistry meters) {
    this.meters = meters;
    // From zero, so that rate() and ratios work before the first payment of each kind.
    counter("authorize", "approved");
    for (FailureReason reason : FailureReason.values()) {
      counter("authorize", result(reason));
    }
    for (String operation : new String[] {"capture", "void", "refund"}) {
      counter(operation, "done");
    }
  }

  void authorized() {
    count("authorize", "approved");
  }

  void authorizationFailed(FailureReason reason) {
    count("authorize", result(reason));
  }

  void captured() {
    count("capture", "done");
  }

  void voided() {
    count("void", "done");
  }

  void refunded() {
    count("refund", "done");
  }

  private static String result(FailureReason reason) {
    return reason.name().toLowerCase(Locale.ROOT);
  }

  private Counter counter(String operation, String result) {
    return Counter.builder("marketplace.payments")
        .description("Payment operations recorded, by operation and result")
        .tag("operation", operation)
        .tag("result", result)
        .register(meters);
  }

  private void count(String operation, String result) {
    Counter counter = counter(operation, result);
    AfterCommit.run(counter::increment);
  }
}
