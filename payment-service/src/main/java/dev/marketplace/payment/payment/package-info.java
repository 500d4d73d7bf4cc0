/**
 * Payments of orders: the saga's commands (authorise, capture per vendor, void, refund), the
 * payment aggregate that owns their transitions, and the staff view of a payment's history.
 */
@NullMarked
package dev.marketplace.payment.payment;

import org.jspecify.annotations.NullMarked;
