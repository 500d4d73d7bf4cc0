package dev.marketplace.customer.account;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record AddressView(
    UUID id,
    @Nullable String label,
    String recipient,
    String line1,
    @Nullable String line2,
    String city,
    @Nullable String postalCode,
    @Nullable String region,
    String country,
    @Nullable String phone,
    Instant createdAt) {}
