/**
 * Personal data at rest: AES-256-GCM per field, each value bound to the row and column it is stored
 * in ({@link dev.marketplace.platform.privacy.FieldCipher}), and the JPA side of it: an entity's
 * {@link dev.marketplace.platform.privacy.Sealed} fields are sealed before they are written and
 * opened after they are read by {@link dev.marketplace.platform.privacy.SealedFields}.
 */
@NullMarked
package dev.marketplace.platform.privacy;

import org.jspecify.annotations.NullMarked;
