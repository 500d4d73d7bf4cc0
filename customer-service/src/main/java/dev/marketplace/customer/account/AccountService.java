package dev.marketplace.customer.account;

import dev.marketplace.customer.access.AccessRevocations;
import dev.marketplace.customer.erasure.ErasureReports;
import dev.marketplace.customer.privacy.BlindIndex;
import dev.marketplace.events.Topics;
import dev.marketplace.events.audit.AuditEventRecordedV1.Outcome;
import dev.marketplace.events.customer.AccessRevokedV1;
import dev.marketplace.events.customer.CustomerErasedV1;
import dev.marketplace.events.customer.CustomerRegisteredV1;
import dev.marketplace.events.customer.EmailVerificationRequestedV1;
import dev.marketplace.platform.audit.AuditLog;
import dev.marketplace.platform.outbox.Outbox;
import dev.marketplace.platform.web.ConflictException;
import dev.marketplace.platform.web.InvalidFieldException;
import dev.marketplace.platform.web.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A shopper's account from sign-up to erasure. Every change and its event commit together. */
@Service
public class AccountService {

  private static final int MAX_ADDRESSES = 20;

  private final AccountRepository accounts;
  private final AddressRepository addresses;
  private final ConsentRepository consents;
  private final EmailVerificationRepository verifications;
  private final BlindIndex blindIndex;
  private final PasswordEncoder passwords;
  private final Outbox outbox;
  private final AccessRevocations revocations;
  private final ErasureReports erasureReports;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final AccountProperties properties;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  AccountService(
      AccountRepository accounts,
      AddressRepository addresses,
      ConsentRepository consents,
      EmailVerificationRepository verifications,
      BlindIndex blindIndex,
      PasswordEncoder passwords,
      Outbox outbox,
      AccessRevocations revocations,
      ErasureReports erasureReports,
      AuditLog audit,
      JdbcClient jdbc,
      AccountProperties properties,
      Clock clock) {
    this.accounts = accounts;
    this.addresses = addresses;
    this.consents = consents;
    this.verifications = verifications;
    this.blindIndex = blindIndex;
    this.passwords = passwords;
    this.outbox = outbox;
    this.revocations = revocations;
    this.erasureReports = erasureReports;
    this.audit = audit;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public Account signUp(SignUpRequest request) {
    String index = blindIndex.ofEmail(request.email());
    if (accounts.existsByEmailIndex(index)) {
      throw new ConflictException("An account with this email address already exists.");
    }
    Instant now = clock.instant();
    Account account =
        accounts.save(
            Account.shopper(
                index,
                request.email().strip(),
                passwords.encode(request.password()),
                request.givenName(),
                request.familyName(),
                now));
    String token = newToken();
    Instant expiresAt = now.plus(properties.verificationTokenTtl());
    verifications.save(new EmailVerification(token, account.id(), expiresAt));
    outbox.publish(
        Topics.CUSTOMER_ACCOUNTS, new CustomerRegisteredV1(account.id().toString(), now));
    outbox.publish(
        Topics.CUSTOMER_NOTIFICATIONS,
        new EmailVerificationRequestedV1(
            account.id().toString(), request.email().strip(), token, expiresAt));
    return account;
  }

  @Transactional
  public void verifyEmail(String token) {
    Instant now = clock.instant();
    EmailVerification verification =
        verifications
            .findByToken(token)
            .filter(v -> v.usableAt(now))
            .orElseThrow(
                () ->
                    new InvalidFieldException(
                        "token", "is unknown, already used or expired; request a new one"));
    verification.use(now);
    accounts.findById(verification.accountId()).ifPresent(a -> a.verifyEmail(now));
  }

  @Transactional(readOnly = true)
  public Account profile(UUID accountId) {
    return active(accountId);
  }

  @Transactional
  public Account updateProfile(UUID accountId, ProfileRequest request) {
    Account account = active(accountId);
    account.updateProfile(
        request.givenName(),
        request.familyName(),
        request.phone(),
        request.preferredLocale(),
        request.preferredCurrency(),
        clock.instant());
    return account;
  }

  @Transactional(readOnly = true)
  public List<AddressView> addresses(UUID accountId) {
    active(accountId);
    return addresses.findByAccountIdOrderByCreatedAt(accountId).stream()
        .map(Address::view)
        .toList();
  }

  @Transactional
  public AddressView addAddress(UUID accountId, AddressRequest request) {
    active(accountId);
    if (addresses.countByAccountId(accountId) >= MAX_ADDRESSES) {
      throw new ConflictException("A shopper can keep at most " + MAX_ADDRESSES + " addresses.");
    }
    return addresses.save(new Address(accountId, request, clock.instant())).view();
  }

  @Transactional(readOnly = true)
  public AddressView address(UUID accountId, UUID addressId) {
    active(accountId);
    return addresses
        .findByIdAndAccountId(addressId, accountId)
        .orElseThrow(() -> new NotFoundException("No address " + addressId + "."))
        .view();
  }

  @Transactional
  public void removeAddress(UUID accountId, UUID addressId) {
    Address address =
        addresses
            .findByIdAndAccountId(addressId, accountId)
            .orElseThrow(() -> new NotFoundException("No address " + addressId + "."));
    addresses.delete(address);
  }

  @Transactional
  public List<ConsentRecord.ConsentView> recordConsent(
      UUID accountId, ConsentPurpose purpose, boolean granted) {
    active(accountId);
    consents.save(new ConsentRecord(accountId, purpose, granted, clock.instant()));
    return consentHistory(accountId);
  }

  @Transactional(readOnly = true)
  public List<ConsentRecord.ConsentView> consentHistory(UUID accountId) {
    return consents.findByAccountIdOrderByRecordedAt(accountId).stream()
        .map(ConsentRecord::view)
        .toList();
  }

  @Transactional(readOnly = true)
  public PersonalDataExport export(UUID accountId) {
    Account account = active(accountId);
    return new PersonalDataExport(
        clock.instant(), ProfileView.of(account), addresses(accountId), consentHistory(accountId));
  }

  /**
   * Erases the shopper's personal data (GDPR art. 17): profile fields, addresses, consent history,
   * pending verifications, and the authorization server's grants (so no refresh token outlives the
   * account); revokes its tokens everywhere. Other services learn of it from {@link
   * CustomerErasedV1} and confirm their part in the erasure report opened here.
   *
   * @return the key the shopper reads the erasure report with
   */
  @Transactional
  public String erase(UUID accountId) {
    Account account = active(accountId);
    Instant now = clock.instant();
    addresses.deleteByAccountId(accountId);
    consents.deleteByAccountId(accountId);
    verifications.deleteByAccountId(accountId);
    jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE principal_name = ?")
        .param(accountId.toString())
        .update();
    account.erase(now);
    revocations.revokeSubject(accountId.toString(), AccessRevokedV1.Reason.ACCOUNT_ERASED);
    outbox.publish(Topics.CUSTOMER_ACCOUNTS, new CustomerErasedV1(accountId.toString(), now));
    audit.record("account.erase", "/api/v1/customers/" + accountId, Outcome.SUCCEEDED);
    return erasureReports.open(
        accountId,
        now,
        List.of(
            "name, email, phone and preferences wiped; the email address is free for a new account",
            "addresses, consent history and pending verifications deleted",
            "sign-in, refresh tokens and access tokens revoked"));
  }

  /**
   * Staff disable an account (any kind): sign-in and refresh stop, and its tokens stop working
   * everywhere within seconds.
   */
  @Transactional
  public Account disable(UUID accountId) {
    Account account = active(accountId);
    if (account.status() != AccountStatus.ACTIVE) {
      throw new ConflictException(
          "Only an active account can be disabled; it is " + account.status() + ".");
    }
    account.disable(clock.instant());
    revocations.revokeSubject(accountId.toString(), AccessRevokedV1.Reason.ACCOUNT_DISABLED);
    return account;
  }

  @Transactional
  public Account enable(UUID accountId) {
    Account account = active(accountId);
    if (account.status() != AccountStatus.DISABLED) {
      throw new ConflictException(
          "Only a disabled account can be enabled; it is " + account.status() + ".");
    }
    account.enable(clock.instant());
    return account;
  }

  private Account active(UUID accountId) {
    return accounts
        .findById(accountId)
        .filter(a -> a.status() != AccountStatus.ERASED)
        .orElseThrow(() -> new NotFoundException("No account " + accountId + "."));
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
