package dev.marketplace.platform.address;

import org.jspecify.annotations.Nullable;

/**
 * The parts of a postal address whose rules depend on its country; a request record implements it
 * and carries {@link ValidPostalAddress}.
 */
public interface PostalAddress {

  /** ISO 3166-1 alpha-2. */
  @Nullable String country();

  @Nullable String postalCode();

  @Nullable String region();
}
