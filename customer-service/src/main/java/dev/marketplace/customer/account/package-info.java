/**
 * Shoppers' accounts: sign-up, email verification, profile, addresses, preferences, consent, and
 * their GDPR export and erasure.
 */
@NullMarked
package dev.marketplace.customer.account;

import org.jspecify.annotations.NullMarked;
