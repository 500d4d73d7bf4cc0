/**
 * Runs the whole marketplace on one machine: its servers, every service as a process, demo data.
 */
@NullMarked
package dev.marketplace.localstack;

import org.jspecify.annotations.NullMarked;
