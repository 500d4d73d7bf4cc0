/** The generated hostile-input suite: every operation of a service, varied until it breaks. */
@NullMarked
package dev.marketplace.testkit.hostile;

import org.jspecify.annotations.NullMarked;
