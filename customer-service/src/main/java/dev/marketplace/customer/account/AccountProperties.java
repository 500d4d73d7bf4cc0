package dev.marketplace.customer.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param verificationTokenTtl how long an email verification link works
 */
@ConfigurationProperties("marketplace.accounts")
public record AccountProperties(@DefaultValue("24h") Duration verificationTokenTtl) {}
