/**
 * Real servers for integration tests, started once per test JVM without Docker (or, with {@code
 * -Pdocker}, as Testcontainers images), and per-test-class namespaces that keep classes from seeing
 * each other's data.
 */
@NullMarked
package dev.marketplace.testkit;

import org.jspecify.annotations.NullMarked;
