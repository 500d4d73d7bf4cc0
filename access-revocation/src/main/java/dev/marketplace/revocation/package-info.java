/**
 * Revocation of access tokens: a list of revoked subjects and vendors, kept current by following
 * the {@code identity.revocations} topic, and a token validator that refuses a token issued before
 * its subject's or vendor's revocation. Access tokens stay self-contained JWTs validated locally;
 * the list is what makes a suspension, an erasure or a rotated secret take effect within seconds.
 */
@NullMarked
package dev.marketplace.revocation;

import org.jspecify.annotations.NullMarked;
