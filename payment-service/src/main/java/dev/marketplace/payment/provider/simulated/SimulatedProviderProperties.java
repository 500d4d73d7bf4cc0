package dev.marketplace.payment.provider.simulated;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeoutsBeforeSuccess how many authorisation calls per idempotency key the timeout card
 *     times out before it answers; null (the default) means it always times out
 */
@ConfigurationProperties("marketplace.payment.simulator")
public record SimulatedProviderProperties(@Nullable Integer timeoutsBeforeSuccess) {}
