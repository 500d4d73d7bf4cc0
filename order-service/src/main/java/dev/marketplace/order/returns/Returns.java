package dev.marketplace.order.returns;

import dev.marketplace.events.Event;
import dev.marketplace.order.config.OrderProperties;
import dev.marketplace.order.money.Money;
import dev.marketplace.order.order.Order;
import dev.marketplace.order.order.OrderRepository;
import dev.marketplace.order.order.OrderService;
import dev.marketplace.platform.outbox.Outbox;
import dev.marketplace.platform.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every step of a return, each in one transaction that locks its order first (so two returns of one
 * order are decided one after the other, and never refund beyond the part's capture), notes the
 * step in the order's timeline, and publishes what it causes through the outbox.
 */
@Service
public class Returns {

  private final ReturnRepository returns;
  private final OrderRepository orders;
  private final ReturnWindows windows;
  private final Outbox outbox;
  private final JdbcClient jdbc;
  private final OrderProperties properties;
  private final Clock clock;
  private final OrderService orderService;

  Returns(
      ReturnRepository returns,
      OrderRepository orders,
      OrderService orderService,
      ReturnWindows windows,
      Outbox outbox,
      JdbcClient jdbc,
      OrderProperties properties,
      Clock clock) {
    this.returns = returns;
    this.orders = orders;
    this.orderService = orderService;
    this.windows = windows;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** The shopper opens a return of some of one vendor's delivered lines of its own order. */
  @Transactional
  public OrderReturn open(
      String customerId, UUID orderId, String vendorId, Map<String, Integer> lines, String reason) {
    Order order =
        orders
            .findForUpdate(orderId)
            .filter(o -> o.customerId().equals(customerId))
            .orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
    Instant now = clock.instant();
    OrderReturn opened =
        OrderReturn.open(
            UUID.randomUUID(),
            order,
            vendorId,
            lines,
            reason,
            windows.of(vendorId),
            returns.findByOrderIdOrderByRequestedAt(orderId),
            now);
    returns.saveAndFlush(opened);
    order.note(
        "return "
            + shortId(opened)
            + " requested: "
            + opened.lines().stream()
                .map(l -> l.quantity() + " × " + l.sku())
                .collect(Collectors.joining(", "))
            + " ("
            + reason
            + ")",
        now);
    orders.save(order);
    return opened;
  }

  @Transactional(readOnly = true)
  public List<OrderReturn> ofOrder(String customerId, UUID orderId) {
    orders
        .findById(orderId)
        .filter(o -> o.customerId().equals(customerId))
        .orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
    return returns.findByOrderIdOrderByRequestedAt(orderId);
  }

  @Transactional(readOnly = true)
  public Page<OrderReturn> ofVendor(String vendorId, @Nullable ReturnStatus status, Pageable page) {
    return status == null
        ? returns.findByVendorId(vendorId, page)
        : returns.findByVendorIdAndStatus(vendorId, status, page);
  }

  @Transactional
  public OrderReturn approve(String vendorId, UUID returnId) {
    return step(
        vendorId,
        returnId,
        (r, order, now) -> {
          r.approve(now);
          order.note("return " + shortId(r) + " approved by the vendor", now);
        });
  }

  @Transactional
  public OrderReturn reject(String vendorId, UUID returnId, String reason) {
    return step(
        vendorId,
        returnId,
        (r, order, now) -> {
          r.reject(reason, now);
          order.note("return " + shortId(r) + " rejected by the vendor: " + reason, now);
        });
  }

  /** The vendor has the parcel: restock at {@code location} (none: written off) and refund. */
  @Transactional
  public OrderReturn receive(String vendorId, UUID returnId, @Nullable UUID location) {
    return step(
        vendorId,
        returnId,
        (r, order, now) -> {
          r.receive(order, returns.findByOrderIdOrderByRequestedAt(order.id()), location, now);
          Money refund = r.refund();
          order.note(
              "return "
                  + shortId(r)
                  + " received by the vendor ("
                  + (location == null ? "written off" : "restocked")
                  + "); refund of "
                  + format(refund)
                  + (r.shippingRefunded() ? ", shipping included," : "")
                  + " under way",
              now);
        });
  }

  /**
   * Payment's or inventory's reply about a return (perhaps a repeated one), applied as {@link
   * ReturnSaga} says. The refund is noted in the order's timeline, where its shopper reads it.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void onReply(UUID returnId, Event reply) {
    Optional<Owner> owner = ownerOf(returnId);
    if (owner.isEmpty()) {
      return;
    }
    Order order = orders.findForUpdate(owner.get().orderId()).orElseThrow();
    OrderReturn r = returns.findById(returnId).orElseThrow();
    Instant now = clock.instant();
    boolean refundedBefore = r.status() == ReturnStatus.REFUNDED;
    if (!r.reply(reply, now)) {
      return;
    }
    if (!refundedBefore && r.status() == ReturnStatus.REFUNDED) {
      order.note("refund of " + format(r.refund()) + " made for return " + shortId(r), now);
      orders.save(order);
    }
    returns.saveAndFlush(r);
    orderService.eraseAddressIfClosed(order);
  }

  /** Asks again for an overdue refund; whether it did. */
  @Transactional
  public boolean chaseRefund(UUID returnId) {
    Optional<Owner> owner = ownerOf(returnId);
    if (owner.isEmpty()) {
      return false;
    }
    orders.findForUpdate(owner.get().orderId());
    OrderReturn r = returns.findById(returnId).orElseThrow();
    OrderProperties.Saga saga = properties.saga();
    boolean chased = r.chaseRefund(clock.instant(), saga.replyTimeout(), saga.maxResends());
    if (chased) {
      save(r);
    }
    return chased;
  }

  /** Erasure: the customer's returns stay for accounting, linked to the pseudonym instead. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int pseudonymiseCustomer(String customerId, String pseudonym) {
    return jdbc.sql("UPDATE order_return SET customer_id = ? WHERE customer_id = ?")
        .params(pseudonym, customerId)
        .update();
  }

  private interface Step {
    void apply(OrderReturn r, Order order, Instant now);
  }

  /** Whose return it is, read without loading it: it is loaded once its order is locked. */
  private record Owner(UUID orderId, String vendorId) {}

  private Optional<Owner> ownerOf(UUID returnId) {
    return jdbc.sql("SELECT order_id, vendor_id FROM order_return WHERE id = ?")
        .param(returnId)
        .query(
            (rs, n) -> new Owner(rs.getObject("order_id", UUID.class), rs.getString("vendor_id")))
        .optional();
  }

  private OrderReturn step(String vendorId, UUID returnId, Step step) {
    UUID orderId =
        ownerOf(returnId)
            .filter(owner -> owner.vendorId().equals(vendorId))
            .orElseThrow(() -> new NotFoundException("No return " + returnId + "."))
            .orderId();
    Order order = orders.findForUpdate(orderId).orElseThrow();
    OrderReturn r = returns.findById(returnId).orElseThrow();
    step.apply(r, order, clock.instant());
    orders.save(order);
    save(r);
    orderService.eraseAddressIfClosed(order);
    return r;
  }

  private void save(OrderReturn r) {
    returns.saveAndFlush(r);
    outbox.publish(r.takeRecorded());
  }

  private static String shortId(OrderReturn r) {
    return r.id().toString().substring(0, 8);
  }

  /** An amount as a shopper reads it, e.g. 40.00 EUR. */
  private static String format(@Nullable Money money) {
    if (money == null) {
      return "nothing";
    }
    int digits = Currency.getInstance(money.currency()).getDefaultFractionDigits();
    return BigDecimal.valueOf(money.amountMinor())
            .movePointLeft(Math.max(digits, 0))
            .toPlainString()
        + " "
        + money.currency();
  }
}
