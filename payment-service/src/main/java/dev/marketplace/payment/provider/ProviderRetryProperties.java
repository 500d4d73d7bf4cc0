package dev.marketplace.payment.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How provider calls that time out are retried.
 *
 * @param maxAttempts calls in all, the first included
 * @param initialInterval pause before the first retry
 * @param multiplier growth of the pause per retry
 * @param maxInterval longest pause
 */
@ConfigurationProperties("marketplace.payment.provider-retry")
public record ProviderRetryProperties(
    @DefaultValue("4") int maxAttempts,
    @DefaultValue("200ms") Duration initialInterval,
    @DefaultValue("2.0") double multiplier,
    @DefaultValue("2s") Duration maxInterval) {}
