/**
 * The OAuth2/OIDC authorization server: signing keys, first-party clients, token claims, sign-in
 * and its throttling.
 */
@NullMarked
package dev.marketplace.customer.auth;

import org.jspecify.annotations.NullMarked;
