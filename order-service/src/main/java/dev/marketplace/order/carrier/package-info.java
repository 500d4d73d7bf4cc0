/** Carriers' webhooks: signed reports of where a parcel is, applied to its order once per event. */
@NullMarked
package dev.marketplace.order.carrier;

import org.jspecify.annotations.NullMarked;
