/** What payment-service does when a customer is erased: saved cards deleted, payments unlinked. */
@NullMarked
package dev.marketplace.payment.privacy;

import org.jspecify.annotations.NullMarked;
