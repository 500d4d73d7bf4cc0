package dev.marketplace.customer.staff;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at start-up if no account has the address yet (from a secret;
 * change the password after the first sign-in).
 */
@ConfigurationProperties("marketplace.bootstrap-admin")
public record StaffProperties(@Nullable String email, @Nullable String password) {}
