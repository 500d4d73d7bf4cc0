package dev.marketplace.order.order;

import dev.marketplace.events.Outgoing;
import dev.marketplace.events.order.OrderStatusChangedV1;
import dev.marketplace.order.cart.Carts;
import dev.marketplace.order.catalog.ItemKey;
import dev.marketplace.order.catalog.SellableSku;
import dev.marketplace.order.catalog.SellableSkus;
import dev.marketplace.order.config.OrderProperties;
import dev.marketplace.order.delivery.DeliveryAddress;
import dev.marketplace.order.delivery.DeliveryAddresses;
import dev.marketplace.order.delivery.ShippingAddress;
import dev.marketplace.order.money.Money;
import dev.marketplace.order.saga.Participant;
import dev.marketplace.order.shipping.ShippingQuote;
import dev.marketplace.order.shipping.ShippingRates;
import dev.marketplace.platform.outbox.Outbox;
import dev.marketplace.platform.web.ConflictException;
import dev.marketplace.platform.web.FieldError;
import dev.marketplace.platform.web.InvalidFieldException;
import dev.marketplace.platform.web.NotFoundException;
import dev.marketplace.platform.web.ServiceBusyException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checkout and every later step of an order. Each method loads the order, lets it decide, then
 * saves it and publishes what it caused through the outbox, all in one transaction.
 */
@Service
public class OrderService {

  private static final Logger log = LoggerFactory.getLogger(OrderService.class);

  private static final Duration KEY_WAIT = Duration.ofSeconds(5);

  private final OrderRepository orders;
  private final Carts carts;
  private final SellableSkus skus;
  private final Outbox outbox;
  private final JdbcClient jdbc;
  private final OrderProperties properties;
  private final Clock clock;
  private final OrderMetrics metrics;
  private final SagaBacklog backlog;
  private final ShippingRates shippingRates;
  private final DeliveryAddresses deliveryAddresses;

  OrderService(
      OrderRepository orders,
      Carts carts,
      SellableSkus skus,
      Outbox outbox,
      JdbcClient jdbc,
      OrderProperties properties,
      Clock clock,
      OrderMetrics metrics,
      SagaBacklog backlog,
      ShippingRates shippingRates,
      DeliveryAddresses deliveryAddresses) {
    this.orders = orders;
    this.carts = carts;
    this.skus = skus;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
    this.metrics = metrics;
    this.backlog = backlog;
    this.shippingRates = shippingRates;
    this.deliveryAddresses = deliveryAddresses;
  }

  /** The order and whether this request created it (false: the key was used before). */
  public record Checkout(Order order, boolean created) {}

  /**
   * Turns the cart into a PENDING order priced at today's catalog prices and each vendor's shipping
   * to the {@code destination}, keeps a snapshot of the destination, and starts the saga. The same
   * Idempotency-Key again returns the same order (the destination is not read again); with a
   * different request it is a conflict.
   */
  @Transactional
  public Checkout checkout(
      String customerId,
      String idempotencyKey,
      CheckoutRequest request,
      Supplier<ShippingAddress> destination) {
    String requestHash = hash(request.fingerprint());
    // Requests with one key take turns: a repeat sent while the first runs waits for it and then
    // answers with its order, instead of finding the cart the first one emptied.
    takeTurnWith(customerId, idempotencyKey);
    Optional<Checkout> earlier = earlierCheckout(customerId, idempotencyKey, requestHash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    backlog.admitNewOrder();
    Map<ItemKey, Integer> items = carts.items(customerId);
    if (items.isEmpty()) {
      throw new ConflictException("The cart is empty.");
    }
    Map<ItemKey, SellableSku> known = skus.findAll(items.keySet());
    List<OrderLine> lines = new ArrayList<>();
    for (Map.Entry<ItemKey, Integer> item : items.entrySet()) {
      SellableSku sku = known.get(item.getKey());
      if (sku == null || !sku.published()) {
        throw new InvalidFieldException("cart", item.getKey().sku() + " is no longer on sale");
      }
      lines.add(
          new OrderLine(
              sku.sku(),
              sku.vendorId(),
              sku.name(),
              sku.categoryId(),
              item.getValue(),
              new Money(sku.priceMinor(), sku.currency())));
    }
    if (lines.stream().map(l -> l.unitPrice().currency()).distinct().count() > 1) {
      throw new InvalidFieldException("cart", "holds products priced in different currencies");
    }
    ShippingAddress address = destination.get();
    ShippingQuote shipping = quote(lines, address.country());
    Instant now = clock.instant();
    Order order =
        Order.place(
            UUID.randomUUID(),
            customerId,
            lines,
            shipping.costs(),
            request.cardToken(),
            now,
            now.plus(properties.shippingDeadline()));
    save(order);
    deliveryAddresses.save(new DeliveryAddress(order.id(), address));
    int recorded =
        jdbc.sql(
                "INSERT INTO checkout_request (customer_id, idempotency_key, request_hash, order_id,"
                    + " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(
                customerId, idempotencyKey, requestHash, order.id(), java.sql.Timestamp.from(now))
            .update();
    if (recorded == 0) {
      // A concurrent request with the same key won: this transaction rolls back, theirs stands.
      throw inProgress();
    }
    // Only once the order is committed: a failed checkout leaves the cart as it was.
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            try {
              carts.removeOrdered(customerId, items);
            } catch (RuntimeException e) {
              // The order stands and is answered as placed; the lines stay in the cart.
              log.warn(
                  "order {} is placed but its lines stay in the cart: {}",
                  order.id(),
                  e.toString());
            }
          }
        });
    return new Checkout(order, true);
  }

  /**
   * Each vendor part's shipping to the country; refused, naming every line that would not ship,
   * when a vendor does not ship there.
   */
  private ShippingQuote quote(List<OrderLine> lines, String country) {
    Map<String, Money> items = new LinkedHashMap<>();
    lines.forEach(l -> items.merge(l.vendorId(), l.total(), Money::plus));
    String currency = lines.getFirst().unitPrice().currency();
    ShippingQuote quote =
        ShippingQuote.of(items, shippingRates.to(items.keySet(), country, currency));
    if (!quote.shipsEverything()) {
      throw new InvalidFieldException(
          lines.stream()
              .filter(l -> quote.unshipped().contains(l.vendorId()))
              .map(
                  l ->
                      new FieldError(
                          "cart[" + l.vendorId() + "/" + l.sku() + "]",
                          l.productName()
                              + ": vendor "
                              + l.vendorId()
                              + " does not ship to "
                              + country
                              + " (remove it, or choose another address)"))
              .toList());
    }
    return quote;
  }

  /**
   * Waits, at most {@link #KEY_WAIT}, for a checkout with the same key to finish; the lock is
   * released when this transaction ends. A client that sends one key many times at once holds a
   * connection per copy while it waits, so the wait is bounded.
   */
  private void takeTurnWith(String customerId, String idempotencyKey) {
    try {
      jdbc.sql("SELECT set_config('lock_timeout', ?, true)")
          .param(KEY_WAIT.toMillis() + "ms")
          .query(String.class)
          .single();
      jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?, 0))")
          .param(customerId + "\n" + idempotencyKey)
          .query(Integer.class)
          .single();
      jdbc.sql("SELECT set_config('lock_timeout', '0', true)").query(String.class).single();
    } catch (PessimisticLockingFailureException e) {
      throw inProgress();
    }
  }

  private static ServiceBusyException inProgress() {
    return new ServiceBusyException(
        "A checkout with this Idempotency-Key is in progress; send it again after the pause to get"
            + " its order.",
        Duration.ofSeconds(1));
  }

  @Transactional(readOnly = true)
  public Order ownOrder(String customerId, UUID orderId) {
    return orders
        .findById(orderId)
        .filter(o -> o.customerId().equals(customerId))
        .orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
  }

  /** Any order, for support staff. */
  @Transactional(readOnly = true)
  public Order anyOrder(UUID orderId) {
    return orders
        .findById(orderId)
        .orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
  }

  /**
   * Where the order goes; none once its shopper was erased and it closed. Callers check first that
   * the reader may see the order.
   */
  @Transactional(readOnly = true)
  public @Nullable ShippingAddress deliveryAddress(UUID orderId) {
    return deliveryAddresses.findById(orderId).map(DeliveryAddress::address).orElse(null);
  }

  /** Where each of these orders goes, in one query. */
  @Transactional(readOnly = true)
  public Map<UUID, ShippingAddress> deliveryAddresses(List<UUID> orderIds) {
    Map<UUID, ShippingAddress> addresses = new HashMap<>();
    deliveryAddresses.findAllById(orderIds).forEach(d -> addresses.put(d.getId(), d.address()));
    return addresses;
  }

  @Transactional(readOnly = true)
  public Page<Order> ownOrders(String customerId, Pageable page) {
    return orders.findByCustomerId(customerId, page);
  }

  @Transactional(readOnly = true)
  public Page<Order> vendorOrders(String vendorId, Pageable page) {
    return orders.findByVendor(vendorId, page);
  }

  /**
   * Locks the order before reading it: read first, it would be a stale copy under the lock (the
   * session keeps the first one), and a saga step committed meanwhile would fail the cancellation
   * as a concurrent update.
   */
  @Transactional
  public Order cancel(String customerId, UUID orderId) {
    Order order =
        orders
            .findForUpdate(orderId)
            .filter(o -> o.customerId().equals(customerId))
            .orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
    order.cancelByShopper(clock.instant());
    save(order);
    return order;
  }

  /** The vendor ships some of its awaiting lines (all of them, for no SKU) in one parcel. */
  @Transactional
  public Order ship(
      String vendorId, UUID orderId, Set<String> skus, String carrier, String trackingNumber) {
    Order order = vendorsOrder(vendorId, orderId);
    order.ship(vendorId, skus, carrier, trackingNumber, UUID.randomUUID(), clock.instant());
    save(order);
    return order;
  }

  /** The vendor cannot fulfil some of its awaiting lines. */
  @Transactional
  public Order cancelLines(String vendorId, UUID orderId, Set<String> skus, String reason) {
    Order order = vendorsOrder(vendorId, orderId);
    order.cancelLines(vendorId, skus, reason, clock.instant());
    save(order);
    return order;
  }

  /** The vendor reports where one of its parcels is (for carriers that send no webhooks). */
  @Transactional
  public Order track(
      String vendorId,
      UUID orderId,
      UUID shipmentId,
      Shipment.Status status,
      @Nullable String detail) {
    Order order = vendorsOrder(vendorId, orderId);
    boolean own =
        order.shipments().stream()
            .anyMatch(s -> s.id().equals(shipmentId) && s.vendorId().equals(vendorId));
    if (!own) {
      throw new NotFoundException("No shipment " + shipmentId + " in order " + orderId + ".");
    }
    if (order.track(shipmentId, status, detail, clock.instant())) {
      save(order);
    }
    return order;
  }

  /** What a carrier's report did. */
  public enum CarrierReport {
    APPLIED,
    /** The carrier sent this event before: it had its effect then. */
    DUPLICATE,
    /** The parcel was there already (or delivered before): nothing changed. */
    UNCHANGED
  }

  /**
   * A carrier reports where a parcel is, once per event id (recorded with its effect).
   *
   * @throws NotFoundException when the carrier has no parcel with this tracking number here
   */
  @Transactional
  public CarrierReport trackByCarrier(
      String carrier,
      String eventId,
      String trackingNumber,
      Shipment.Status status,
      @Nullable String detail) {
    Optional<Map.Entry<UUID, UUID>> parcel =
        jdbc.sql(
                "SELECT order_id, shipment_id FROM order_shipment"
                    + " WHERE carrier = ? AND tracking_number = ?")
            .params(carrier, trackingNumber)
            .query(
                (rs, n) ->
                    Map.entry(
                        rs.getObject("order_id", UUID.class),
                        rs.getObject("shipment_id", UUID.class)))
            .optional();
    if (parcel.isEmpty()) {
      throw new NotFoundException(
          "No parcel with tracking number " + trackingNumber + " of carrier " + carrier + ".");
    }
    int first =
        jdbc.sql(
                "INSERT INTO carrier_event (carrier, event_id, received_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")
            .params(carrier, eventId, java.sql.Timestamp.from(clock.instant()))
            .update();
    if (first == 0) {
      return CarrierReport.DUPLICATE;
    }
    Order order = orders.findForUpdate(parcel.get().getKey()).orElseThrow();
    if (!order.track(parcel.get().getValue(), status, detail, clock.instant())) {
      return CarrierReport.UNCHANGED;
    }
    save(order);
    return CarrierReport.APPLIED;
  }

  private Order vendorsOrder(String vendorId, UUID orderId) {
    return orders
        .findForUpdate(orderId)
        .filter(o -> o.hasVendor(vendorId))
        .orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
  }

  /** What erasing a customer did to its orders. */
  public record Erasure(int ordersPseudonymised, int addressesDeleted, int addressesKept) {}

  /**
   * Pseudonymises every order of an erased customer, deletes the delivery addresses of its closed
   * orders (an open order, or one with an open return, keeps its address until it closes, when it
   * is deleted), and deletes the customer's checkout idempotency records, in the caller's
   * transaction (the inbox's).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Erasure pseudonymiseCustomer(String customerId, String pseudonym) {
    List<UUID> ids =
        jdbc.sql("SELECT id FROM customer_order WHERE customer_id = ? FOR UPDATE")
            .param(customerId)
            .query(UUID.class)
            .list();
    Instant now = clock.instant();
    int deleted = 0;
    int kept = 0;
    for (UUID id : ids) {
      Order order = orders.findById(id).orElseThrow();
      order.pseudonymise(pseudonym, now);
      save(order);
      Optional<DeliveryAddress> address = deliveryAddresses.findById(id);
      if (address.isPresent() && closed(order)) {
        deliveryAddresses.delete(address.get());
        deleted++;
      } else if (address.isPresent()) {
        address.get().eraseWhenClosed();
        kept++;
      }
    }
    jdbc.sql("DELETE FROM checkout_request WHERE customer_id = ?").param(customerId).update();
    return new Erasure(ids.size(), deleted, kept);
  }

  /** What chasing an order's overdue reply did, and in which step. */
  public record Chased(OrderStatus step, Order.Chase outcome) {}

  /**
   * Sends an overdue step's commands again, or compensates once they were sent often enough ({@link
   * Order#chaseOverdueReply}); an order whose reply came meanwhile is left alone.
   */
  @Transactional
  public Chased chaseOverdueReply(UUID orderId) {
    OrderProperties.Saga saga = properties.saga();
    return orders
        .findForUpdate(orderId)
        .map(
            order -> {
              OrderStatus step = order.status();
              Order.Chase outcome =
                  order.chaseOverdueReply(clock.instant(), saga.replyTimeout(), saga.maxResends());
              if (outcome != Order.Chase.NOT_DUE) {
                save(order);
              }
              return new Chased(step, outcome);
            })
        .orElse(new Chased(OrderStatus.CANCELLED, Order.Chase.NOT_DUE));
  }

  /**
   * A command to a participant, or its reply, was dead-lettered: its order compensates if it still
   * waits for that participant.
   *
   * @return the step the order compensated, if it did
   */
  @Transactional
  public Optional<OrderStatus> stepDeadLettered(
      UUID orderId, Participant participant, String what) {
    return orders
        .findForUpdate(orderId)
        .flatMap(
            order -> {
              OrderStatus step = order.status();
              if (!order.stepDeadLettered(participant, what, clock.instant())) {
                return Optional.empty();
              }
              save(order);
              return Optional.of(step);
            });
  }

  /**
   * Deletes the order's delivery address if its shopper was erased and nothing needs it any more:
   * the order is final and none of its returns is still open. In the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void eraseAddressIfClosed(Order order) {
    if (closed(order)) {
      deliveryAddresses.deleteIfErasureWaits(order.id());
    }
  }

  private boolean closed(Order order) {
    return order.status().isFinal()
        && jdbc.sql(
                    "SELECT count(*) FROM order_return WHERE order_id = ?"
                        + " AND status IN ('REQUESTED', 'APPROVED', 'RECEIVED')")
                .param(order.id())
                .query(Long.class)
                .single()
            == 0;
  }

  /** Applies a saga reply to its order; a reply for an unknown order is ignored. */
  @Transactional
  public void onReply(UUID orderId, BiConsumer<Order, Instant> reply) {
    orders
        .findForUpdate(orderId)
        .ifPresent(
            order -> {
              reply.accept(order, clock.instant());
              save(order);
            });
  }

  private void save(Order order) {
    // Flushed now: checkout's idempotency row (plain JDBC) references the order.
    orders.saveAndFlush(order);
    if (order.status().isFinal()) {
      eraseAddressIfClosed(order);
    }
    List<Outgoing> caused = order.takeRecorded();
    outbox.publish(caused);
    for (Outgoing message : caused) {
      if (message.payload() instanceof OrderStatusChangedV1 changed) {
        metrics.reached(changed.status());
      }
    }
  }

  private Optional<Checkout> earlierCheckout(String customerId, String key, String requestHash) {
    return jdbc.sql(
            "SELECT order_id, request_hash FROM checkout_request"
                + " WHERE customer_id = ? AND idempotency_key = ?")
        .params(customerId, key)
        .query(
            (rs, n) -> {
              if (!rs.getString("request_hash").equals(requestHash)) {
                throw new ConflictException(
                    "This Idempotency-Key was used for a different checkout.");
              }
              return new Checkout(
                  orders.findById(rs.getObject("order_id", UUID.class)).orElseThrow(), false);
            })
        .optional();
  }

  private static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
