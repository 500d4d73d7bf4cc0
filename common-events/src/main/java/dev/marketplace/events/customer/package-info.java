/**
 * Events published by customer-service about shoppers' accounts and vendors. Payloads carry ids,
 * not personal data, except the verification message, which must reach the shopper's address.
 */
@NullMarked
package dev.marketplace.events.customer;

import org.jspecify.annotations.NullMarked;
