package dev.marketplace.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A step in an order's life, as the shopper sees it in the order's timeline. */
@Embeddable
public record TimelineEntry(
    @Enumerated(EnumType.STRING) OrderStatus status,
    @Column(name = "detail") @Nullable String detail,
    @Column(name = "at") Instant at) {}
