package dev.marketplace.customer.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A vendor's machine credential (client credentials grant). The secret itself lives, hashed, in the
 * authorization server's registered client; this row says whose client it is and whether it still
 * works.
 */
@Entity
@Table(name = "vendor_api_client")
public class VendorApiClient {

  @Id
  @Column(name = "client_id")
  private String clientId;

  @Column(name = "vendor_id")
  private UUID vendorId;

  private String name;

  private String status;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "secret_rotated_at")
  private Instant secretRotatedAt;

  protected VendorApiClient() {}

  VendorApiClient(String clientId, UUID vendorId, String name, Instant now) {
    this.clientId = clientId;
    this.vendorId = vendorId;
    this.name = name;
    this.status = "ACTIVE";
    this.createdAt = now;
    this.secretRotatedAt = now;
  }

  void rotated(Instant now) {
    secretRotatedAt = now;
  }

  void revoke() {
    status = "REVOKED";
  }

  public boolean active() {
    return "ACTIVE".equals(status);
  }

  public String clientId() {
    return clientId;
  }

  public UUID vendorId() {
    return vendorId;
  }

  public VendorClientView view() {
    return new VendorClientView(clientId, name, status, createdAt, secretRotatedAt);
  }

  public record VendorClientView(
      String clientId, String name, String status, Instant createdAt, Instant secretRotatedAt) {}
}
