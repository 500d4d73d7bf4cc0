/** customer-service: shoppers, vendors and staff, and the authorization server. */
@NullMarked
package dev.marketplace.customer;

import org.jspecify.annotations.NullMarked;
