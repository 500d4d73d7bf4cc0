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

  /** Messages to send to shoppers, e.g. email verification (short retention: carries addresses). */
  public static final String CUSTOMER_NOTIFICATIONS = "customer.notifications";

  /** Latest status of every vendor (compacted, key = vendor id). */
  public static final String CUSTOMER_VENDORS = "customer.vendors";

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

  /** Suffix of the dead-letter topic that receives records a consumer could not handle. */
  public static final String DEAD_LETTER_SUFFIX = ".dlt";

  private Topics() {}

  public static String prefixed(String prefix, String topic) {
    return prefix.isEmpty() ? topic : prefix + "." + topic;
  }
}
