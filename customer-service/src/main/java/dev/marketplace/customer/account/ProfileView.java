package dev.marketplace.customer.account;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record ProfileView(
    UUID id,
    @Nullable String email,
    AccountStatus status,
    @Nullable String givenName,
    @Nullable String familyName,
    @Nullable String phone,
    @Nullable String preferredLocale,
    @Nullable String preferredCurrency,
    Instant createdAt) {

  static ProfileView of(Account a) {
    return new ProfileView(
        a.id(),
        a.email(),
        a.status(),
        a.givenName(),
        a.familyName(),
        a.phone(),
        a.preferredLocale(),
        a.preferredCurrency(),
        a.createdAt());
  }
}
