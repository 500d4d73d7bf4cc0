package dev.marketplace.platform.security;

/** The roles an access token can carry in its {@code roles} claim. */
public final class Roles {

  public static final String SHOPPER = "SHOPPER";
  public static final String VENDOR = "VENDOR";
  public static final String SUPPORT = "SUPPORT";
  public static final String ADMIN = "ADMIN";

  /** The claim naming the vendor organisation a VENDOR token acts for. */
  public static final String VENDOR_ID_CLAIM = "vendor_id";

  private Roles() {}
}
