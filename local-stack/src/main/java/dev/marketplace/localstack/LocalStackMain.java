package dev.marketplace.localstack;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

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
        "Starting the marketplace (Kafka, PostgreSQL, Redis, MongoDB protocol server, OpenSearch,"
            + " services)...");
    LocalStack stack = LocalStack.start(LocalStack.Ports.defaults(), "1g");
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopping.compareAndSet(false, true)) {
            System.out.println("\nStopping the marketplace...");
            stack.close();
            stopped.countDown();
          }
        };
    // Ctrl-C (SIGINT) and SIGTERM stop the stack before the JVM begins to exit: its shutdown hooks
    // run in no order, and the embedded Kafka broker's deletes the broker's data directory at once,
    // under services that are still committing their offsets, which then hang until killed.
    for (String signal : List.of("INT", "TERM")) {
      Signal.handle(
          new Signal(signal),
          received -> {
            stop.run();
            System.exit(0);
          });
    }
    // Any other way out (System.exit elsewhere) still stops what it can.
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "local-stack-stop"));

    System.out.println(
        "Onboarding demo vendors and a shopper, and seeding "
            + products
            + " products through the vendor API...");
    DemoData.Seeded seeded = DemoData.seed(stack, products);
    Identities identities = stack.identities();
    Identities.Vendor vendor = seeded.vendors().getFirst();
    String gateway = stack.gatewayUrl();

    System.out.printf(
        """

        The marketplace is running. Press Ctrl-C to stop it.

          gateway          %s   (the public entry; Swagger UI: %s/swagger-ui.html)
          customer-service %s
          catalog-service  %s
          search-service   %s
          OpenSearch       %s
          Kafka            %s
          logs             %s

        Demo data: %d published products by %s; a shopper %s.

        Accounts (password for vendors and the shopper: "%s"):
          administrator  %s / %s
          vendors        %s
          shopper        %s

        Tokens (valid 12 hours; paste into your shell):
          export SHOPPER_TOKEN=%s
          export VENDOR_TOKEN=%s
          export ADMIN_TOKEN=%s
          export CARRIER_SECRET=%s   # carrier "demo-post" signs its webhooks with it

        A vendor's systems get their own token with the client credentials grant:
          curl -s -u '%s:%s' -d grant_type=client_credentials %s/oauth2/token

        A web or mobile app signs a shopper in with the authorization code flow (PKCE): open
          %s/oauth2/authorize?response_type=code&client_id=marketplace-mobile&redirect_uri=dev.marketplace.app:/callback&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256
        (testkit's OAuthClient does the whole flow in code, as the demo seeding does).

        Try:
          curl -s '%s/api/v1/search/products?q=brass+lamp&size=3'
          curl -s -H "Authorization: Bearer $VENDOR_TOKEN" '%s/api/v1/vendor/products?size=2'
          curl -s -H "Authorization: Bearer $SHOPPER_TOKEN" '%s/api/v1/customers/me'
        %n""",
        gateway,
        gateway,
        stack.customerUrl(),
        stack.catalogUrl(),
        stack.searchUrl(),
        stack.searchEngineUrl(),
        stack.kafkaBootstrapServers(),
        stack.services().getFirst().log().getParent(),
        seeded.products(),
        String.join(" and ", DemoData.VENDORS),
        seeded.shopperEmail(),
        Identities.PASSWORD,
        stack.secrets().adminEmail(),
        stack.secrets().adminPassword(),
        seeded.vendors().stream().map(Identities.Vendor::email).toList(),
        seeded.shopperEmail(),
        identities.signIn(seeded.shopperEmail(), Identities.PASSWORD).accessToken(),
        identities.vendorToken(vendor),
        identities.adminToken(),
        stack.secrets().carrierSecret(),
        vendor.clientId(),
        vendor.clientSecret(),
        gateway,
        gateway,
        gateway,
        gateway,
        gateway);
    stopped.await();
  }
}
