/** The benchmark whose figures docs/benchmarks.md records. */
@NullMarked
package dev.marketplace.localstack.benchmark;

import org.jspecify.annotations.NullMarked;
