package dev.marketplace.inventory.reservation;

import dev.marketplace.inventory.stock.SkuKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores reservations. Every change of a reservation first locks its row ({@link #lock}), before
 * any stock lock, so the order of locks is the same in every transaction.
 */
@Repository
class ReservationRepository {

  private final JdbcClient jdbc;

  ReservationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Reservation> lock(String orderId) {
    return jdbc.sql("SELECT * FROM reservation WHERE order_id = ? FOR UPDATE")
        .param(orderId)
        .query(Header::of)
        .optional()
        .map(this::load);
  }

  /**
   * Locks the held reservation that expired first, skipping any another transaction (or replica) is
   * working on.
   */
  Optional<Reservation> lockNextExpired(Instant now) {
    return jdbc.sql(
            """
            SELECT * FROM reservation WHERE status = 'HELD' AND expires_at <= ?
            ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED
            """)
        .param(utc(now))
        .query(Header::of)
        .optional()
        .map(this::load);
  }

  /**
   * Stores a new reservation. A concurrent decision for the same order fails here on the primary
   * key; the command is then retried and finds this one.
   */
  void insert(Reservation reservation) {
    jdbc.sql(
            "INSERT INTO reservation (order_id, status, expires_at, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            reservation.orderId(),
            reservation.status().name(),
            reservation.expiresAt() == null ? null : utc(reservation.expiresAt()),
            utc(reservation.createdAt()),
            utc(reservation.updatedAt()))
        .update();
    for (ReservationLine line : reservation.lines()) {
      jdbc.sql(
              "INSERT INTO reservation_line"
                  + " (order_id, location_id, sku, vendor_id, quantity, state, shortfall)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              reservation.orderId(),
              line.locationId(),
              line.key().sku(),
              line.key().vendorId(),
              line.quantity(),
              line.state().name(),
              line.shortfall())
          .update();
    }
    for (Shortage shortage : reservation.shortages()) {
      jdbc.sql(
              "INSERT INTO reservation_shortage (order_id, vendor_id, sku, requested, available)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .params(
              reservation.orderId(),
              shortage.key().vendorId(),
              shortage.key().sku(),
              shortage.requested(),
              shortage.available())
          .update();
    }
  }

  void update(Reservation reservation) {
    jdbc.sql("UPDATE reservation SET status = ?, updated_at = ? WHERE order_id = ?")
        .params(reservation.status().name(), utc(reservation.updatedAt()), reservation.orderId())
        .update();
    for (ReservationLine line : reservation.lines()) {
      jdbc.sql(
              "UPDATE reservation_line SET state = ?, shortfall = ?"
                  + " WHERE order_id = ? AND location_id = ? AND sku = ?")
          .params(
              line.state().name(),
              line.shortfall(),
              reservation.orderId(),
              line.locationId(),
              line.key().sku())
          .update();
    }
  }

  private Reservation load(Header header) {
    List<ReservationLine> lines =
        jdbc.sql(
                "SELECT * FROM reservation_line WHERE order_id = ?"
                    + " ORDER BY vendor_id, sku, location_id")
            .param(header.orderId())
            .query(
                (row, n) ->
                    new ReservationLine(
                        new SkuKey(row.getString("vendor_id"), row.getString("sku")),
                        row.getObject("location_id", UUID.class),
                        row.getInt("quantity"),
                        ReservationLine.State.valueOf(row.getString("state")),
                        row.getInt("shortfall")))
            .list();
    List<Shortage> shortages =
        jdbc.sql("SELECT * FROM reservation_shortage WHERE order_id = ? ORDER BY vendor_id, sku")
            .param(header.orderId())
            .query(
                (row, n) ->
                    new Shortage(
                        new SkuKey(row.getString("vendor_id"), row.getString("sku")),
                        row.getInt("requested"),
                        row.getInt("available")))
            .list();
    return new Reservation(
        header.orderId(),
        header.status(),
        header.expiresAt(),
        lines,
        shortages,
        header.createdAt(),
        header.updatedAt());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private record Header(
      String orderId,
      ReservationStatus status,
      @Nullable Instant expiresAt,
      Instant createdAt,
      Instant updatedAt) {

    static Header of(ResultSet row, int number) throws SQLException {
      OffsetDateTime expiresAt = row.getObject("expires_at", OffsetDateTime.class);
      return new Header(
          row.getString("order_id"),
          ReservationStatus.valueOf(row.getString("status")),
          expiresAt == null ? null : expiresAt.toInstant(),
          row.getObject("created_at", OffsetDateTime.class).toInstant(),
          row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
  }
}
