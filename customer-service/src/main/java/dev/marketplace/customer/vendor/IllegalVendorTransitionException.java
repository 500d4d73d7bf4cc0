package dev.marketplace.customer.vendor;

import dev.marketplace.platform.domain.IllegalTransitionException;

/** A status change the vendor's current status does not allow (409). */
public class IllegalVendorTransitionException extends IllegalTransitionException {

  IllegalVendorTransitionException(Vendor vendor, VendorStatus target) {
    super(
        "Vendor " + vendor.id() + " is " + vendor.status() + " and cannot become " + target + ".");
  }
}
