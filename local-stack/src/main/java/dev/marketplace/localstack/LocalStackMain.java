package dev.marketplace.localstack;

import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mvnw -Plocal-stack -DskipTests verify}: starts the marketplace, seeds demo data, prints
 * where everything is and how to call it, and runs until Ctrl-C, then stops every process it
 * started and deletes its data.
 */
public final class LocalStackMain {

  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    int products = Integer.getInteger("marketplace.local-stack.products", 1000);
    System.out.println(
        "Starting the marketplace (Kafka, MongoDB protocol server, OpenSearch, services)...");
    LocalStack stack = LocalStack.start(LocalStack.Ports.defaults(), "1g");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping the marketplace...");
                  stack.close();
                  stopped.countDown();
                },
                "local-stack-stop"));

    System.out.println("Seeding " + products + " demo products through the vendor API...");
    int seeded = DemoData.seed(stack.catalogUrl(), products);

    String vendor = DemoData.VENDORS.getFirst();
    System.out.printf(
        """

        The marketplace is running. Press Ctrl-C to stop it.

          catalog-service  %s   (OpenAPI: %s/swagger-ui.html)
          search-service   %s   (OpenAPI: %s/swagger-ui.html)
          OpenSearch       %s
          Kafka            %s
          logs             %s

        Demo data: %d published products by vendors %s.

        Tokens (valid 12 hours; paste into your shell):
          export VENDOR_TOKEN=%s
          export ADMIN_TOKEN=%s

        Try:
          curl -s '%s/api/v1/search/products?q=brass+lamp&size=3'
          curl -s -H "Authorization: Bearer $VENDOR_TOKEN" '%s/api/v1/vendor/products?size=2'
        %n""",
        stack.catalogUrl(),
        stack.catalogUrl(),
        stack.searchUrl(),
        stack.searchUrl(),
        stack.searchEngineUrl(),
        stack.kafkaBootstrapServers(),
        stack.services().getFirst().log().getParent(),
        seeded,
        String.join(", ", DemoData.VENDORS),
        DemoData.vendorToken(vendor),
        DemoData.adminToken(),
        stack.searchUrl(),
        stack.catalogUrl());
    stopped.await();
  }
}
