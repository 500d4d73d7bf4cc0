/**
 * Postal addresses as shoppers enter them: the rules whose shape depends on the country (postal
 * code, region), shared by the address book (customer-service) and checkout (order-service).
 */
@NullMarked
package dev.marketplace.platform.address;

import org.jspecify.annotations.NullMarked;
