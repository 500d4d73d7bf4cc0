package dev.marketplace.inventory.location;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LocationRepository {

  private final JdbcClient jdbc;

  LocationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Location location) {
    jdbc.sql("INSERT INTO location (id, vendor_id, name, kind, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(
            location.id(),
            location.vendorId(),
            location.name(),
            location.kind().name(),
            OffsetDateTime.ofInstant(location.createdAt(), ZoneOffset.UTC))
        .update();
  }

  Optional<Location> find(UUID id) {
    return jdbc.sql("SELECT * FROM location WHERE id = ?")
        .param(id)
        .query(LocationRepository::map)
        .optional();
  }

  List<Location> ofVendor(String vendorId, int offset, int limit) {
    return jdbc.sql(
            "SELECT * FROM location WHERE vendor_id = ? ORDER BY created_at, id OFFSET ? LIMIT ?")
        .params(vendorId, offset, limit)
        .query(LocationRepository::map)
        .list();
  }

  long countOfVendor(String vendorId) {
    return jdbc.sql("SELECT count(*) FROM location WHERE vendor_id = ?")
        .param(vendorId)
        .query(Long.class)
        .single();
  }

  private static Location map(ResultSet row, int number) throws SQLException {
    return new Location(
        row.getObject("id", UUID.class),
        row.getString("vendor_id"),
        row.getString("name"),
        LocationKind.valueOf(row.getString("kind")),
        row.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
