package dev.marketplace.customer.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long entries are kept; older ones are purged (the newest entry always stays,
 *     so the chain goes on)
 */
@ConfigurationProperties("marketplace.audit")
public record AuditProperties(@DefaultValue("400d") Duration retention) {}
