package dev.marketplace.customer.account;

/** What a shopper can agree to, each separately (GDPR: consent is specific). */
public enum ConsentPurpose {
  MARKETING_EMAIL,
  PERSONALISED_RECOMMENDATIONS,
  ANALYTICS
}
