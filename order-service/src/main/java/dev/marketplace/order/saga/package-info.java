/**
 * Sagas as tables: {@link dev.marketplace.order.saga.SagaDefinition} says, state by state, which
 * replies a saga takes, whom it waits for, what it resends and how it compensates.
 */
@NullMarked
package dev.marketplace.order.saga;

import org.jspecify.annotations.NullMarked;
