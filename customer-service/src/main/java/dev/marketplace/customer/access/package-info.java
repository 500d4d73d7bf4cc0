/**
 * Revoking access: an erased or disabled account, a suspended vendor, a revoked or rotated API
 * client. Refresh tokens are deleted here; access tokens already issued are refused by every
 * resource server once {@code AccessRevokedV1} reaches its revocation list.
 */
@NullMarked
package dev.marketplace.customer.access;

import org.jspecify.annotations.NullMarked;
