/** HTTP helpers shared by the vendor APIs: the caller's vendor, entity tags. */
@NullMarked
package dev.marketplace.inventory.web;

import org.jspecify.annotations.NullMarked;
