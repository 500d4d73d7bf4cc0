package dev.marketplace.events;

/**
 * Every topic name, in one place. Entity-state topics are compacted and keyed by entity id, so a
 * projection can be rebuilt by replaying them from the start. Services may prefix every name
 * (property {@code marketplace.kafka.topic-prefix}) so that environments, or test classes, can
 * share one cluster.
 */
public final class Topics {

  /** Latest state of every product (compacted, key = product id). */
  public static final String CATALOG_PRODUCTS = "catalog.products";

  /** Shoppers' account lifecycle: registered, erased (key = customer id). */
  public static final String CUSTOMER_ACCOUNTS = "customer.accounts";

  /**
   * Each service's confirmation that it erased what it held about an erased customer (key =
   * customer id); customer-service turns them into the erasure report.
   */
  public static final String CUSTOMER_ERASURES = "customer.erasures";

  /** Messages to send to shoppers, e.g. email verification (short retention: carries addresses). */
  public static final String CUSTOMER_NOTIFICATIONS = "customer.notifications";

  /** Latest status of every vendor (compacted, key = vendor id). */
  public static final String CUSTOMER_VENDORS = "customer.vendors";

  /**
   * Access revoked: tokens issued before the time stated stop working everywhere (compacted and
   * time-limited, one partition, key = what was revoked). Every service and the gateway read it
   * whole, from the start.
   */
  public static final String IDENTITY_REVOCATIONS = "identity.revocations";

  /**
   * Audit events from every service to the audit trail (one partition: one sequence; kept a week,
   * the trail itself keeps them for its retention).
   */
  public static final String AUDIT_EVENTS = "audit.events";

  /** Saga commands to inventory-service (key = order id, so an order's commands stay in order). */
  public static final String INVENTORY_COMMANDS = "inventory.commands";

  /** inventory-service's replies to the order saga (key = order id). */
  public static final String INVENTORY_REPLIES = "inventory.replies";

  /**
   * Sellable quantity per vendor SKU (compacted, key = {@code vendorId:sku}); search's in-stock
   * filter reads it.
   */
  public static final String INVENTORY_AVAILABILITY = "inventory.availability";

  /** Saga commands to payment-service (key = order id). */
  public static final String PAYMENT_COMMANDS = "payment.commands";

  /** payment-service's replies to the order saga (key = order id). */
  public static final String PAYMENT_REPLIES = "payment.replies";

  /** Latest status of every order (compacted, key = order id). */
  public static final String ORDER_EVENTS = "order.events";

  /**
   * Every order as placed, with its lines (not compacted, key = order id; no shopper named): for
   * analytics and accounting.
   */
  public static final String ORDER_PLACED = "order.placed";

  /**
   * The partition count of a topic that more than one service declares (its owner, and the services
   * that read it or send to it, each declare it so it exists before their consumers subscribe). All
   * must declare the same count: Spring's KafkaAdmin adds partitions when a declaration asks for
   * more, and records sent to the new partitions sit unread until the owner's consumers refresh
   * their metadata, minutes later.
   *
   * @throws IllegalArgumentException for a topic only its owner declares
   */
  public static int partitions(String topic) {
    return switch (topic) {
      case INVENTORY_COMMANDS, INVENTORY_REPLIES, INVENTORY_AVAILABILITY, ORDER_EVENTS -> 6;
      case PAYMENT_COMMANDS, PAYMENT_REPLIES, CUSTOMER_ACCOUNTS, CUSTOMER_ERASURES -> 3;
      case AUDIT_EVENTS -> 1;
      default -> throw new IllegalArgumentException(topic + " is declared by its owner only");
    };
  }

  /** Suffix of the dead-letter topic that receives records a consumer could not handle. */
  public static final String DEAD_LETTER_SUFFIX = ".dlt";

  private Topics() {}

  public static String prefixed(String prefix, String topic) {
    return prefix.isEmpty() ? topic : prefix + "." + topic;
  }
}
