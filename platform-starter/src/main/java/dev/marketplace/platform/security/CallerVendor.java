package dev.marketplace.platform.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/** The vendor a VENDOR token acts for, from its {@code vendor_id} claim. */
public final class CallerVendor {

  private CallerVendor() {}

  public static String of(Jwt token) {
    String vendorId = token.getClaimAsString(Roles.VENDOR_ID_CLAIM);
    if (vendorId == null || vendorId.isBlank()) {
      throw new AccessDeniedException("the token names no vendor");
    }
    return vendorId;
  }
}
