package dev.marketplace.inventory.reservation;

import dev.marketplace.events.Event;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.inventory.config.InventoryProperties;
import dev.marketplace.inventory.stock.StockUpdates;
import dev.marketplace.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga's side of inventory: reserve, release, commit and expire, each in the caller's
 * transaction, with its reply ({@link ReservationReplies}) and what the reservation's change caused
 * stored in the outbox in that same transaction (they are sent if and only if the change
 * committed). Each first locks the order's reservation row, then the SKUs it touches, always in
 * that order.
 */
@Service
public class Reservations {

  private static final Logger log = LoggerFactory.getLogger(Reservations.class);

  private final ReservationRepository repository;
  private final StockUpdates stock;
  private final Outbox outbox;
  private final Clock clock;
  private final InventoryProperties properties;

  Reservations(
      ReservationRepository repository,
      StockUpdates stock,
      Outbox outbox,
      Clock clock,
      InventoryProperties properties) {
    this.repository = repository;
    this.stock = stock;
    this.outbox = outbox;
    this.clock = clock;
    this.properties = properties;
  }

  /** Holds every line or none; a repeated command gets the first decision again. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Event reserve(ReserveStockV1 command) {
    List<Demand> demands = ReserveCommands.demands(command);
    Optional<Reservation> earlier = repository.lock(command.orderId());
    if (earlier.isPresent()) {
      return reply(ReservationReplies.reserve(earlier.get()));
    }
    Instant now = clock.instant();
    // Stored to the microsecond, as PostgreSQL keeps it, so a repeated command's answer (read
    // back from the database) names exactly the same expiry as the first.
    Instant expiresAt =
        (command.expiresAt() != null
                ? command.expiresAt()
                : now.plus(properties.reservations().defaultHold()))
            .truncatedTo(ChronoUnit.MICROS);
    Reservation reservation =
        stock.apply(
            demands.stream().map(Demand::key).toList(),
            skus ->
                switch (Allocator.allocate(demands, skus)) {
                  case Allocator.Allocated allocated -> {
                    allocated
                        .allocations()
                        .forEach(a -> skus.get(a.key()).reserve(a.locationId(), a.quantity()));
                    yield Reservation.held(
                        command.orderId(), expiresAt, allocated.allocations(), now);
                  }
                  case Allocator.Short shortOf ->
                      Reservation.failed(command.orderId(), shortOf.shortages(), now);
                });
    insert(reservation);
    return reply(ReservationReplies.reserve(reservation));
  }

  /** Gives back what the order holds; says so even when it held nothing. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Event release(String orderId) {
    Instant now = clock.instant();
    Optional<Reservation> found = repository.lock(orderId);
    if (found.isEmpty()) {
      insert(Reservation.releasedBeforeReserving(orderId, now));
    } else {
      giveBack(found.get(), found.get().release(now));
    }
    return reply(ReservationReplies.release(orderId));
  }

  /** The vendor shipped its part of the order: those units leave stock for good. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Event commit(String orderId, String vendorId) {
    return commit(orderId, vendorId, null);
  }

  /**
   * The vendor shipped these lines of the order ({@code shippedSkus}; null: every line of its
   * part): their units leave stock for good.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Event commit(String orderId, String vendorId, @Nullable Set<String> shippedSkus) {
    Optional<Reservation> found = repository.lock(orderId);
    if (found.isEmpty()) {
      log.warn("commit of order {} for vendor {}: the order holds no stock", orderId, vendorId);
      return reply(ReservationReplies.commit(orderId, vendorId));
    }
    Reservation reservation = found.get();
    List<Reservation.Shipped> shipped = reservation.commit(vendorId, shippedSkus, clock.instant());
    if (!shipped.isEmpty()) {
      stock.apply(
          shipped.stream().map(s -> s.line().key()).toList(),
          skus -> {
            for (Reservation.Shipped s : shipped) {
              ReservationLine line = s.line();
              if (s.wasHeld()) {
                skus.get(line.key()).commit(line.locationId(), line.quantity());
              } else {
                line.recordShortfall(
                    skus.get(line.key()).recordDeparture(line.locationId(), line.quantity()));
                log.warn(
                    "order {} shipped {} x {} from {} after its hold had been released",
                    orderId,
                    line.quantity(),
                    line.key(),
                    line.locationId());
              }
            }
            return shipped;
          });
      update(reservation);
    }
    return reply(ReservationReplies.commit(orderId, vendorId));
  }

  /** The vendor cannot fulfil these lines: their held units go back to free stock. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Event releaseLines(String orderId, String vendorId, Set<String> skus) {
    repository
        .lock(orderId)
        .ifPresent(
            reservation ->
                giveBack(reservation, reservation.releaseLines(vendorId, skus, clock.instant())));
    return reply(ReservationReplies.releaseLines(orderId, vendorId, skus));
  }

  /**
   * Releases the held reservation that expired first, if any; the reservation tells the saga.
   *
   * @return whether there was one
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean expireNext() {
    Instant now = clock.instant();
    Optional<Reservation> expired = repository.lockNextExpired(now);
    expired.ifPresent(
        reservation -> {
          giveBack(reservation, reservation.expire(now));
          log.info("reservation of order {} expired and was released", reservation.orderId());
        });
    return expired.isPresent();
  }

  private void giveBack(Reservation reservation, List<ReservationLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    stock.apply(
        lines.stream().map(ReservationLine::key).distinct().toList(),
        skus -> {
          lines.forEach(line -> skus.get(line.key()).release(line.locationId(), line.quantity()));
          return lines;
        });
    update(reservation);
  }

  /** Stores a new reservation and hands what it caused to the outbox. */
  private void insert(Reservation reservation) {
    repository.insert(reservation);
    outbox.publish(reservation.takeRecorded());
  }

  /** Stores a changed reservation and hands what the change caused to the outbox. */
  private void update(Reservation reservation) {
    repository.update(reservation);
    outbox.publish(reservation.takeRecorded());
  }

  private Event reply(Event reply) {
    outbox.publish(Topics.INVENTORY_REPLIES, reply);
    return reply;
  }
}
