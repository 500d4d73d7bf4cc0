package dev.marketplace.inventory;

import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;

/**
 * Runs inventory-service against the testkit's embedded PostgreSQL and Kafka, for poking at it by
 * hand: prints a vendor token. Catalog products can be fed by publishing to {@code
 * catalog.products} on the printed broker.
 */
public final class TestInventoryApplication {

  private TestInventoryApplication() {}

  public static void main(String[] args) {
    TestNamespace namespace = TestNamespace.forClass(TestInventoryApplication.class);
    System.setProperty("spring.datasource.url", PostgresTestServer.createDatabase(namespace));
    System.setProperty("spring.datasource.username", PostgresTestServer.user());
    System.setProperty("spring.datasource.password", PostgresTestServer.password());
    System.setProperty("spring.kafka.bootstrap-servers", KafkaTestServer.bootstrapServers());
    System.setProperty(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwksUri());
    System.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
    InventoryApplication.main(args);
    System.out.println("Kafka: " + KafkaTestServer.bootstrapServers());
    System.out.println("export VENDOR_TOKEN=" + TestTokens.vendor("vendor-demo"));
  }
}
