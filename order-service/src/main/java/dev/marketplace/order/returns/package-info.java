/**
 * Returns: a shopper sends delivered lines back within the vendor's return window; the vendor
 * approves or rejects, then records the parcel received, restocking it or writing it off; payment
 * refunds the lines (and the shipping, when the whole part came back) through the saga.
 */
@NullMarked
package dev.marketplace.order.returns;

import org.jspecify.annotations.NullMarked;
