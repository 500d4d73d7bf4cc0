package dev.marketplace.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal PostgreSQL service for testing the starter's outbox and inbox: it keeps a ledger of
 * notes and publishes an event for each, and counts the events it consumes.
 */
@SpringBootApplication
public class LedgerApplication {}
