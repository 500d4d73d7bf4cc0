package dev.marketplace.events;

import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.events.customer.CustomerErasedV1;
import dev.marketplace.events.customer.CustomerRegisteredV1;
import dev.marketplace.events.customer.EmailVerificationRequestedV1;
import dev.marketplace.events.customer.VendorStatusChangedV1;
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
  public static final EventType VENDOR_STATUS_CHANGED_V1 =
      new EventType("customer.vendor.status-changed", 1);

  private static final Map<EventType, Class<? extends Event>> RECORDS =
      Map.of(
          PRODUCT_CHANGED_V1, ProductChangedV1.class,
          CUSTOMER_REGISTERED_V1, CustomerRegisteredV1.class,
          EMAIL_VERIFICATION_REQUESTED_V1, EmailVerificationRequestedV1.class,
          CUSTOMER_ERASED_V1, CustomerErasedV1.class,
          VENDOR_STATUS_CHANGED_V1, VendorStatusChangedV1.class);

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
