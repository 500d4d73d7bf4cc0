package dev.marketplace.customer.account;

import dev.marketplace.customer.account.ConsentRecord.ConsentView;
import java.time.Instant;
import java.util.List;

/** Everything customer-service holds about a shopper (GDPR art. 15 and 20), as one document. */
public record PersonalDataExport(
    Instant exportedAt,
    ProfileView profile,
    List<AddressView> addresses,
    List<ConsentView> consentHistory) {}
