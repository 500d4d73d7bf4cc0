package dev.marketplace.customer.vendor;

import dev.marketplace.customer.access.AccessRevocations;
import dev.marketplace.customer.account.Account;
import dev.marketplace.customer.account.AccountRepository;
import dev.marketplace.customer.privacy.BlindIndex;
import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.AccessRevokedV1;
import dev.marketplace.events.customer.VendorStatusChangedV1;
import dev.marketplace.platform.outbox.Outbox;
import dev.marketplace.platform.web.ConflictException;
import dev.marketplace.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Vendor onboarding: application, approval, suspension, reinstatement; each one an event. */
@Service
public class VendorService {

  private final VendorRepository vendors;
  private final AccountRepository accounts;
  private final BlindIndex blindIndex;
  private final PasswordEncoder passwords;
  private final Outbox outbox;
  private final AccessRevocations revocations;
  private final Clock clock;

  VendorService(
      VendorRepository vendors,
      AccountRepository accounts,
      BlindIndex blindIndex,
      PasswordEncoder passwords,
      Outbox outbox,
      AccessRevocations revocations,
      Clock clock) {
    this.revocations = revocations;
    this.vendors = vendors;
    this.accounts = accounts;
    this.blindIndex = blindIndex;
    this.passwords = passwords;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public Vendor apply(VendorApplication application) {
    String index = blindIndex.ofEmail(application.contactEmail());
    if (accounts.existsByEmailIndex(index)) {
      throw new ConflictException("An account with this email address already exists.");
    }
    Instant now = clock.instant();
    Vendor vendor =
        vendors.saveAndFlush(
            new Vendor(application.name(), application.contactEmail().strip(), now));
    accounts.save(
        Account.vendorUser(
            index,
            application.contactEmail().strip(),
            passwords.encode(application.password()),
            vendor.id(),
            now));
    announce(vendor);
    return vendor;
  }

  @Transactional
  public Vendor approve(UUID vendorId) {
    return change(vendorId, Vendor::approve);
  }

  /** Suspends the vendor: its users' and API clients' tokens stop working everywhere. */
  @Transactional
  public Vendor suspend(UUID vendorId) {
    Vendor vendor = change(vendorId, Vendor::suspend);
    revocations.revokeVendor(vendorId, AccessRevokedV1.Reason.VENDOR_SUSPENDED);
    return vendor;
  }

  @Transactional
  public Vendor reinstate(UUID vendorId) {
    return change(vendorId, Vendor::reinstate);
  }

  @Transactional(readOnly = true)
  public Vendor get(UUID vendorId) {
    return vendors
        .findById(vendorId)
        .orElseThrow(() -> new NotFoundException("No vendor " + vendorId + "."));
  }

  @Transactional(readOnly = true)
  public Page<Vendor> list(@Nullable VendorStatus status, Pageable page) {
    return status == null ? vendors.findAll(page) : vendors.findByStatus(status, page);
  }

  /** True only for an approved vendor: what token issuance asks before granting VENDOR. */
  @Transactional(readOnly = true)
  public boolean isApproved(UUID vendorId) {
    return vendors.findById(vendorId).map(Vendor::approved).orElse(false);
  }

  private Vendor change(UUID vendorId, BiConsumer<Vendor, Instant> transition) {
    Vendor vendor = get(vendorId);
    transition.accept(vendor, clock.instant());
    vendors.saveAndFlush(vendor);
    announce(vendor);
    return vendor;
  }

  private void announce(Vendor vendor) {
    outbox.publish(
        Topics.CUSTOMER_VENDORS,
        new VendorStatusChangedV1(
            vendor.id().toString(),
            vendor.name(),
            VendorStatusChangedV1.Status.valueOf(vendor.status().name()),
            vendor.version(),
            vendor.updatedAt()));
  }
}
