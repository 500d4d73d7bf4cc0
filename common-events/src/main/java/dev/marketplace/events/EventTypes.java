package dev.marketplace.events;

import dev.marketplace.events.audit.AuditEventRecordedV1;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.events.customer.AccessRevokedV1;
import dev.marketplace.events.customer.CustomerErasedV1;
import dev.marketplace.events.customer.CustomerErasureConfirmedV1;
import dev.marketplace.events.customer.CustomerRegisteredV1;
import dev.marketplace.events.customer.EmailVerificationRequestedV1;
import dev.marketplace.events.customer.VendorStatusChangedV1;
import dev.marketplace.events.inventory.CommitStockV1;
import dev.marketplace.events.inventory.ReleaseStockLinesV1;
import dev.marketplace.events.inventory.ReleaseStockV1;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.RestockRefusedV1;
import dev.marketplace.events.inventory.RestockV1;
import dev.marketplace.events.inventory.ShipStockV1;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import dev.marketplace.events.inventory.StockCommittedV1;
import dev.marketplace.events.inventory.StockLinesReleasedV1;
import dev.marketplace.events.inventory.StockReleasedV1;
import dev.marketplace.events.inventory.StockReservationFailedV1;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.events.inventory.StockRestockedV1;
import dev.marketplace.events.order.OrderPlacedV1;
import dev.marketplace.events.order.OrderStatusChangedV1;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentCapturedV1;
import dev.marketplace.events.payment.PaymentFailedV1;
import dev.marketplace.events.payment.PaymentRefundedV1;
import dev.marketplace.events.payment.PaymentVoidedV1;
import dev.marketplace.events.payment.RefundPaymentV1;
import dev.marketplace.events.payment.VoidPaymentV1;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every published event version and the record that carries it. Adding a version means adding a
 * record and a line here, and a committed sample under {@code src/test/resources/contracts} that
 * the contract test keeps readable forever.
 */
public final class EventTypes {

  public static final EventType PRODUCT_CHANGED_V1 = new EventType("catalog.product.changed", 1);

  public static final EventType CUSTOMER_REGISTERED_V1 = new EventType("customer.registered", 1);
  public static final EventType EMAIL_VERIFICATION_REQUESTED_V1 =
      new EventType("customer.email-verification.requested", 1);
  public static final EventType CUSTOMER_ERASED_V1 = new EventType("customer.erased", 1);
  public static final EventType CUSTOMER_ERASURE_CONFIRMED_V1 =
      new EventType("customer.erasure-confirmed", 1);
  public static final EventType VENDOR_STATUS_CHANGED_V1 =
      new EventType("customer.vendor.status-changed", 1);
  public static final EventType ACCESS_REVOKED_V1 = new EventType("identity.access-revoked", 1);

  public static final EventType RESERVE_STOCK_V1 = new EventType("inventory.reserve-stock", 1);
  public static final EventType STOCK_RESERVED_V1 = new EventType("inventory.stock-reserved", 1);
  public static final EventType STOCK_RESERVATION_FAILED_V1 =
      new EventType("inventory.stock-reservation-failed", 1);
  public static final EventType RELEASE_STOCK_V1 = new EventType("inventory.release-stock", 1);
  public static final EventType STOCK_RELEASED_V1 = new EventType("inventory.stock-released", 1);
  public static final EventType COMMIT_STOCK_V1 = new EventType("inventory.commit-stock", 1);
  public static final EventType STOCK_COMMITTED_V1 = new EventType("inventory.stock-committed", 1);
  public static final EventType SHIP_STOCK_V1 = new EventType("inventory.ship-stock", 1);
  public static final EventType RELEASE_STOCK_LINES_V1 =
      new EventType("inventory.release-stock-lines", 1);
  public static final EventType STOCK_LINES_RELEASED_V1 =
      new EventType("inventory.stock-lines-released", 1);
  public static final EventType RESTOCK_V1 = new EventType("inventory.restock", 1);
  public static final EventType STOCK_RESTOCKED_V1 = new EventType("inventory.stock-restocked", 1);
  public static final EventType RESTOCK_REFUSED_V1 = new EventType("inventory.restock-refused", 1);
  public static final EventType STOCK_AVAILABILITY_CHANGED_V1 =
      new EventType("inventory.availability-changed", 1);
  public static final EventType AUTHORIZE_PAYMENT_V1 = new EventType("payment.authorize", 1);
  public static final EventType PAYMENT_AUTHORIZED_V1 = new EventType("payment.authorized", 1);
  public static final EventType PAYMENT_FAILED_V1 = new EventType("payment.failed", 1);
  public static final EventType CAPTURE_PAYMENT_V1 = new EventType("payment.capture", 1);
  public static final EventType PAYMENT_CAPTURED_V1 = new EventType("payment.captured", 1);
  public static final EventType VOID_PAYMENT_V1 = new EventType("payment.void", 1);
  public static final EventType PAYMENT_VOIDED_V1 = new EventType("payment.voided", 1);
  public static final EventType REFUND_PAYMENT_V1 = new EventType("payment.refund", 1);
  public static final EventType PAYMENT_REFUNDED_V1 = new EventType("payment.refunded", 1);
  public static final EventType AUDIT_EVENT_RECORDED_V1 = new EventType("audit.recorded", 1);
  public static final EventType ORDER_STATUS_CHANGED_V1 = new EventType("order.status-changed", 1);
  public static final EventType ORDER_PLACED_V1 = new EventType("order.placed", 1);

  private static final Map<EventType, Class<? extends Event>> RECORDS =
      Map.ofEntries(
          Map.entry(PRODUCT_CHANGED_V1, ProductChangedV1.class),
          Map.entry(CUSTOMER_REGISTERED_V1, CustomerRegisteredV1.class),
          Map.entry(EMAIL_VERIFICATION_REQUESTED_V1, EmailVerificationRequestedV1.class),
          Map.entry(CUSTOMER_ERASED_V1, CustomerErasedV1.class),
          Map.entry(CUSTOMER_ERASURE_CONFIRMED_V1, CustomerErasureConfirmedV1.class),
          Map.entry(VENDOR_STATUS_CHANGED_V1, VendorStatusChangedV1.class),
          Map.entry(ACCESS_REVOKED_V1, AccessRevokedV1.class),
          Map.entry(RESERVE_STOCK_V1, ReserveStockV1.class),
          Map.entry(STOCK_RESERVED_V1, StockReservedV1.class),
          Map.entry(STOCK_RESERVATION_FAILED_V1, StockReservationFailedV1.class),
          Map.entry(RELEASE_STOCK_V1, ReleaseStockV1.class),
          Map.entry(STOCK_RELEASED_V1, StockReleasedV1.class),
          Map.entry(COMMIT_STOCK_V1, CommitStockV1.class),
          Map.entry(STOCK_COMMITTED_V1, StockCommittedV1.class),
          Map.entry(SHIP_STOCK_V1, ShipStockV1.class),
          Map.entry(RELEASE_STOCK_LINES_V1, ReleaseStockLinesV1.class),
          Map.entry(STOCK_LINES_RELEASED_V1, StockLinesReleasedV1.class),
          Map.entry(RESTOCK_V1, RestockV1.class),
          Map.entry(STOCK_RESTOCKED_V1, StockRestockedV1.class),
          Map.entry(RESTOCK_REFUSED_V1, RestockRefusedV1.class),
          Map.entry(STOCK_AVAILABILITY_CHANGED_V1, StockAvailabilityChangedV1.class),
          Map.entry(AUTHORIZE_PAYMENT_V1, AuthorizePaymentV1.class),
          Map.entry(PAYMENT_AUTHORIZED_V1, PaymentAuthorizedV1.class),
          Map.entry(PAYMENT_FAILED_V1, PaymentFailedV1.class),
          Map.entry(CAPTURE_PAYMENT_V1, CapturePaymentV1.class),
          Map.entry(PAYMENT_CAPTURED_V1, PaymentCapturedV1.class),
          Map.entry(VOID_PAYMENT_V1, VoidPaymentV1.class),
          Map.entry(PAYMENT_VOIDED_V1, PaymentVoidedV1.class),
          Map.entry(REFUND_PAYMENT_V1, RefundPaymentV1.class),
          Map.entry(PAYMENT_REFUNDED_V1, PaymentRefundedV1.class),
          Map.entry(ORDER_STATUS_CHANGED_V1, OrderStatusChangedV1.class),
          Map.entry(ORDER_PLACED_V1, OrderPlacedV1.class),
          Map.entry(AUDIT_EVENT_RECORDED_V1, AuditEventRecordedV1.class));

  private static final Map<Class<? extends Event>, EventType> TYPES =
      RECORDS.entrySet().stream()
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

  private EventTypes() {}

  public static Map<EventType, Class<? extends Event>> all() {
    return RECORDS;
  }

  public static Optional<Class<? extends Event>> recordOf(EventType type) {
    return Optional.ofNullable(RECORDS.get(type));
  }

  public static EventType typeOf(Class<?> payloadClass) {
    EventType type = TYPES.get(payloadClass);
    if (type == null) {
      throw new IllegalArgumentException(payloadClass.getName() + " is not a registered event");
    }
    return type;
  }
}
