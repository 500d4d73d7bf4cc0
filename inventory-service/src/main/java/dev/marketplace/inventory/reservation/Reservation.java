package dev.marketplace.inventory.reservation;

import dev.marketplace.events.Outgoing;
import dev.marketplace.events.Recorded;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.StockReleasedV1;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One order's reservation: the decision on its ReserveStock command and what happened to the units
 * since. It is kept after release and commit, so a command repeated later gets the same answer and
 * changes nothing.
 */
public final class Reservation {

  private final String orderId;
  private ReservationStatus status;
  private final @Nullable Instant expiresAt;
  private final List<ReservationLine> lines;
  private final List<Shortage> shortages;
  private final Instant createdAt;
  private Instant updatedAt;
  private final Recorded<Outgoing> recorded = new Recorded<>();

  Reservation(
      String orderId,
      ReservationStatus status,
      @Nullable Instant expiresAt,
      List<ReservationLine> lines,
      List<Shortage> shortages,
      Instant createdAt,
      Instant updatedAt) {
    this.orderId = orderId;
    this.status = status;
    this.expiresAt = expiresAt;
    this.lines = new ArrayList<>(lines);
    this.shortages = List.copyOf(shortages);
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
  }

  /** Every demand met: these units are held until {@code expiresAt}. */
  public static Reservation held(
      String orderId, Instant expiresAt, List<Allocation> allocations, Instant now) {
    if (allocations.isEmpty()) {
      throw new IllegalArgumentException("a held reservation holds something");
    }
    return new Reservation(
        orderId,
        ReservationStatus.HELD,
        expiresAt,
        allocations.stream().map(ReservationLine::held).toList(),
        List.of(),
        now,
        now);
  }

  /** Some demand could not be met, so nothing is held. */
  public static Reservation failed(String orderId, List<Shortage> shortages, Instant now) {
    if (shortages.isEmpty()) {
      throw new IllegalArgumentException("a failed reservation says what is short");
    }
    return new Reservation(orderId, ReservationStatus.FAILED, null, List.of(), shortages, now, now);
  }

  /**
   * The release came before the reservation (commands may overtake each other): remember it, so the
   * late ReserveStock holds nothing for an order that is already given up.
   */
  public static Reservation releasedBeforeReserving(String orderId, Instant now) {
    return new Reservation(
        orderId, ReservationStatus.RELEASED, null, List.of(), List.of(), now, now);
  }

  /**
   * Gives back whatever is still held. Releasing again, or releasing a reservation that holds
   * nothing, changes nothing.
   *
   * @return the lines whose units go back to free stock
   */
  public List<ReservationLine> release(Instant now) {
    if (status != ReservationStatus.HELD) {
      return List.of();
    }
    List<ReservationLine> released = linesIn(ReservationLine.State.HELD);
    released.forEach(ReservationLine::release);
    status = ReservationStatus.RELEASED;
    updatedAt = now;
    return released;
  }

  public boolean expiredAt(Instant now) {
    return status == ReservationStatus.HELD && expiresAt != null && !expiresAt.isAfter(now);
  }

  /** Releases a reservation whose time is up, and tells the saga the order holds nothing now. */
  public List<ReservationLine> expire(Instant now) {
    if (!expiredAt(now)) {
      throw new IllegalStateException("reservation of order " + orderId + " has not expired");
    }
    List<ReservationLine> released = release(now);
    // No command asked for this, so there is no reply to compute: the expiry itself tells the saga.
    recorded.add(new Outgoing(Topics.INVENTORY_REPLIES, new StockReleasedV1(orderId)));
    return released;
  }

  /**
   * The vendor shipped its part: its units leave for good. Units still held are taken from the
   * hold; units that were released meanwhile (the hold expired) left anyway, so they are recorded
   * as gone too. Committing again changes nothing.
   *
   * @return the vendor's lines this commit shipped, with whether each was still held
   */
  public List<Shipped> commit(String vendorId, Instant now) {
    return commit(vendorId, null, now);
  }

  /**
   * The vendor shipped these of its lines ({@code skus}; null: all of them), each line whole: as
   * {@link #commit(String, Instant)}, for those lines only.
   */
  public List<Shipped> commit(String vendorId, @Nullable Set<String> skus, Instant now) {
    List<Shipped> shipped = new ArrayList<>();
    for (ReservationLine line : lines) {
      if (line.ofVendor(vendorId)
          && (skus == null || skus.contains(line.key().sku()))
          && line.state() != ReservationLine.State.COMMITTED) {
        shipped.add(new Shipped(line, line.commit()));
      }
    }
    settleStatus();
    if (!shipped.isEmpty()) {
      updatedAt = now;
    }
    return shipped;
  }

  /**
   * The vendor cannot fulfil these of its lines: their held units go back; the rest stays held.
   * Releasing them again changes nothing.
   *
   * @return the lines whose units go back to free stock
   */
  public List<ReservationLine> releaseLines(String vendorId, Set<String> skus, Instant now) {
    List<ReservationLine> released = new ArrayList<>();
    for (ReservationLine line : lines) {
      if (line.ofVendor(vendorId)
          && skus.contains(line.key().sku())
          && line.state() == ReservationLine.State.HELD) {
        line.release();
        released.add(line);
      }
    }
    if (!released.isEmpty()) {
      settleStatus();
      updatedAt = now;
    }
    return released;
  }

  /** Once nothing is held any more: committed if anything shipped, else released. */
  private void settleStatus() {
    if (status == ReservationStatus.HELD && linesIn(ReservationLine.State.HELD).isEmpty()) {
      status =
          linesIn(ReservationLine.State.COMMITTED).isEmpty()
              ? ReservationStatus.RELEASED
              : ReservationStatus.COMMITTED;
    }
  }

  /** What this reservation's changes told the saga since the last take, oldest first. */
  public List<Outgoing> takeRecorded() {
    return recorded.take();
  }

  private List<ReservationLine> linesIn(ReservationLine.State state) {
    return lines.stream().filter(line -> line.state() == state).toList();
  }

  public String orderId() {
    return orderId;
  }

  public ReservationStatus status() {
    return status;
  }

  public @Nullable Instant expiresAt() {
    return expiresAt;
  }

  public List<ReservationLine> lines() {
    return Collections.unmodifiableList(lines);
  }

  public List<Shortage> shortages() {
    return shortages;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** A line a commit shipped, and whether its units were still held. */
  public record Shipped(ReservationLine line, boolean wasHeld) {}
}
