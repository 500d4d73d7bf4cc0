package dev.marketplace.revocation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether tokens are checked against the revocation list (off only where no Kafka
 *     exists at all, e.g. a unit test's context)
 * @param retention how long a revocation is kept, on the topic and in memory; it must exceed the
 *     longest access-token lifetime, since a token issued before the revocation stays refused only
 *     while it is remembered
 * @param pollTimeout how long one read of the topic waits for records
 */
@ConfigurationProperties("marketplace.revocation")
public record RevocationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1d") Duration retention,
    @DefaultValue("500ms") Duration pollTimeout) {}
