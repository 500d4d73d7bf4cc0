package dev.marketplace.order.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cartTtl how long a cart lives after its last change
 * @param shippingDeadline how long stock is held for an order; a part not shipped by then cancels
 * @param maxQuantityPerLine the most of one SKU a cart line may hold
 * @param maxLinesPerCart the most SKUs in one cart
 */
@ConfigurationProperties("marketplace.orders")
public record OrderProperties(
    @DefaultValue("7d") Duration cartTtl,
    @DefaultValue("7d") Duration shippingDeadline,
    @DefaultValue("100") int maxQuantityPerLine,
    @DefaultValue("50") int maxLinesPerCart) {}
