package dev.marketplace.customer.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A single-use email verification token, stored as its SHA-256 hash. */
@Entity
@Table(name = "email_verification")
public class EmailVerification {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "account_id")
  private UUID accountId;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "used_at")
  private @Nullable Instant usedAt;

  protected EmailVerification() {}

  public EmailVerification(String token, UUID accountId, Instant expiresAt) {
    this.tokenHash = hash(token);
    this.accountId = accountId;
    this.expiresAt = expiresAt;
  }

  public boolean usableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  public void use(Instant now) {
    usedAt = now;
  }

  public UUID accountId() {
    return accountId;
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
