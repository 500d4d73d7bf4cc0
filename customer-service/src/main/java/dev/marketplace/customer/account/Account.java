package dev.marketplace.customer.account;

import dev.marketplace.platform.privacy.Sealed;
import dev.marketplace.platform.privacy.SealedConverter;
import dev.marketplace.platform.privacy.SealedFields;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in: a shopper, a vendor's user or a staff member. Personal fields are sealed
 * in the database (encrypted, bound to their row and column); the email is found through its blind
 * index.
 */
@Entity
@EntityListeners(SealedFields.class)
@Table(name = "account")
public class Account {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  private AccountKind kind;

  @Column(name = "email_index")
  private String emailIndex;

  @Column(name = "email")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed email;

  @Column(name = "password_hash")
  private @Nullable String passwordHash;

  @Enumerated(EnumType.STRING)
  private AccountStatus status;

  private String roles;

  @Column(name = "vendor_id")
  private @Nullable UUID vendorId;

  @Column(name = "given_name")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed givenName;

  @Column(name = "family_name")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed familyName;

  @Column(name = "phone")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed phone;

  @Column(name = "preferred_locale")
  private @Nullable String preferredLocale;

  @Column(name = "preferred_currency")
  private @Nullable String preferredCurrency;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  protected Account() {}

  private Account(
      AccountKind kind,
      String emailIndex,
      String email,
      String passwordHash,
      AccountStatus status,
      List<String> roles,
      @Nullable UUID vendorId,
      Instant now) {
    this.id = UUID.randomUUID();
    this.kind = kind;
    this.emailIndex = emailIndex;
    this.email = Sealed.of(email);
    this.passwordHash = passwordHash;
    this.status = status;
    this.roles = String.join(",", roles);
    this.vendorId = vendorId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A shopper who must verify the email address before signing in. */
  public static Account shopper(
      String emailIndex,
      String email,
      String passwordHash,
      String givenName,
      String familyName,
      Instant now) {
    Account account =
        new Account(
            AccountKind.SHOPPER,
            emailIndex,
            email,
            passwordHash,
            AccountStatus.PENDING_VERIFICATION,
            List.of("SHOPPER"),
            null,
            now);
    account.givenName = Sealed.of(givenName);
    account.familyName = Sealed.of(familyName);
    return account;
  }

  /** A vendor's user; the VENDOR role counts only while the vendor is approved. */
  public static Account vendorUser(
      String emailIndex, String email, String passwordHash, UUID vendorId, Instant now) {
    return new Account(
        AccountKind.VENDOR_USER,
        emailIndex,
        email,
        passwordHash,
        AccountStatus.ACTIVE,
        List.of("VENDOR"),
        vendorId,
        now);
  }

  public static Account staff(
      String emailIndex, String email, String passwordHash, List<String> roles, Instant now) {
    return new Account(
        AccountKind.STAFF, emailIndex, email, passwordHash, AccountStatus.ACTIVE, roles, null, now);
  }

  public void verifyEmail(Instant now) {
    if (status == AccountStatus.PENDING_VERIFICATION) {
      status = AccountStatus.ACTIVE;
      updatedAt = now;
    }
  }

  /** Staff disable an active account: no sign-in, no token, until enabled again. */
  public void disable(Instant now) {
    if (status != AccountStatus.ACTIVE) {
      throw new IllegalStateException("only an active account can be disabled, not " + status);
    }
    status = AccountStatus.DISABLED;
    updatedAt = now;
  }

  public void enable(Instant now) {
    if (status != AccountStatus.DISABLED) {
      throw new IllegalStateException("only a disabled account can be enabled, not " + status);
    }
    status = AccountStatus.ACTIVE;
    updatedAt = now;
  }

  public void updateProfile(
      String givenName,
      String familyName,
      @Nullable String phone,
      @Nullable String preferredLocale,
      @Nullable String preferredCurrency,
      Instant now) {
    requireNotErased();
    this.givenName = Sealed.of(givenName);
    this.familyName = Sealed.of(familyName);
    this.phone = Sealed.ofNullable(phone);
    this.preferredLocale = preferredLocale;
    this.preferredCurrency = preferredCurrency;
    this.updatedAt = now;
  }

  /**
   * Removes everything personal and makes sign-in impossible. The id stays, so orders and events
   * that reference it keep pointing at "an erased customer"; the email index is replaced so the
   * address can sign up again and no longer matches this row.
   */
  public void erase(Instant now) {
    status = AccountStatus.ERASED;
    emailIndex = "erased:" + id;
    email = null;
    passwordHash = null;
    givenName = null;
    familyName = null;
    phone = null;
    preferredLocale = null;
    preferredCurrency = null;
    updatedAt = now;
  }

  private void requireNotErased() {
    if (status == AccountStatus.ERASED) {
      throw new IllegalStateException("account " + id + " is erased");
    }
  }

  public UUID id() {
    return id;
  }

  public AccountKind kind() {
    return kind;
  }

  public @Nullable String email() {
    return Sealed.valueOf(email);
  }

  public @Nullable String passwordHash() {
    return passwordHash;
  }

  public AccountStatus status() {
    return status;
  }

  public List<String> roles() {
    return Arrays.stream(roles.split(",")).filter(r -> !r.isBlank()).toList();
  }

  public @Nullable UUID vendorId() {
    return vendorId;
  }

  public @Nullable String givenName() {
    return Sealed.valueOf(givenName);
  }

  public @Nullable String familyName() {
    return Sealed.valueOf(familyName);
  }

  public @Nullable String phone() {
    return Sealed.valueOf(phone);
  }

  public @Nullable String preferredLocale() {
    return preferredLocale;
  }

  public @Nullable String preferredCurrency() {
    return preferredCurrency;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
