package dev.marketplace.payment.payment;

import dev.marketplace.payment.ledger.Ledger;
import dev.marketplace.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Staff (SUPPORT, ADMIN) look up an order's payment with its history and ledger postings. */
@RestController
class PaymentAdminController {

  private final PaymentRepository payments;
  private final Ledger ledger;

  PaymentAdminController(PaymentRepository payments, Ledger ledger) {
    this.payments = payments;
    this.ledger = ledger;
  }

  /** One read-only transaction, so the history (loaded lazily) reads the same snapshot. */
  @Operation(summary = "Read an order's payment and ledger (staff)")
  @GetMapping("/api/v1/admin/payments/{orderId}")
  @Transactional(readOnly = true)
  public PaymentAdminView get(@PathVariable String orderId) {
    Payment payment =
        payments
            .findByOrderId(orderId)
            .orElseThrow(() -> new NotFoundException("No payment for order " + orderId + "."));
    return PaymentAdminView.of(payment, ledger.transactionsOf(payment.id()));
  }
}
