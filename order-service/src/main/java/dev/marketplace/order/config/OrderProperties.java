package dev.marketplace.order.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cartTtl how long a cart lives after its last change
 * @param shippingDeadline how long stock is held for an order; a part not shipped by then cancels
 * @param maxQuantityPerLine the most of one SKU a cart line may hold
 * @param maxLinesPerCart the most SKUs in one cart
 * @param checkout how many checkouts run at once, and how long the others wait
 * @param customers where saved addresses are read
 * @param saga how long the saga waits for a reply, and how often it asks again
 * @param returns the return window of vendors that set none
 */
@ConfigurationProperties("marketplace.orders")
public record OrderProperties(
    @DefaultValue("7d") Duration cartTtl,
    @DefaultValue("7d") Duration shippingDeadline,
    @DefaultValue("100") int maxQuantityPerLine,
    @DefaultValue("50") int maxLinesPerCart,
    @DefaultValue Checkout checkout,
    @DefaultValue Customers customers,
    @DefaultValue Saga saga,
    @DefaultValue Returns returns) {

  /**
   * @param defaultWindow how long after delivery a vendor that set no window takes returns
   */
  public record Returns(@DefaultValue("30d") Duration defaultWindow) {}

  /**
   * @param replyTimeout how long a step waits for its reply before its commands are sent again;
   *     doubled for each resend (30 s and 3 resends: the order compensates 4 minutes after the step
   *     began, longer than a participant takes to restart)
   * @param maxResends how often a step's commands are sent again before the order compensates
   * @param checkInterval how often overdue steps are looked for
   * @param batchSize how many overdue orders one check handles
   */
  public record Saga(
      @DefaultValue("30s") Duration replyTimeout,
      @DefaultValue("3") int maxResends,
      @DefaultValue("2s") Duration checkInterval,
      @DefaultValue("100") int batchSize) {}

  /**
   * @param uri customer-service's base URI
   * @param connectTimeout how long a connection may take
   * @param readTimeout how long an answer may take
   */
  public record Customers(
      @DefaultValue("http://localhost:8083") URI uri,
      @DefaultValue("1s") Duration connectTimeout,
      @DefaultValue("2s") Duration readTimeout) {}

  /**
   * @param maxConcurrent checkouts that run at once (each holds a database connection)
   * @param maxWait how long a checkout may wait for its turn before it is refused (503)
   * @param retryAfter the pause a refused checkout is told to take
   * @param maxInSaga orders that may wait in their saga before new checkouts are refused (503);
   *     about the rate inventory and payment sustain times the placed→confirmed time acceptable
   * @param backlogRecount how old the count of orders in their saga may be (refusals under load
   *     then cost no query)
   */
  public record Checkout(
      @DefaultValue("4") int maxConcurrent,
      @DefaultValue("2s") Duration maxWait,
      @DefaultValue("1s") Duration retryAfter,
      @DefaultValue("200") int maxInSaga,
      @DefaultValue("250ms") Duration backlogRecount) {}
}
