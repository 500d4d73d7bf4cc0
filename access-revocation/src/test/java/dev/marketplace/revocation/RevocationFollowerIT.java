package dev.marketplace.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.AccessRevokedV1;
import dev.marketplace.events.customer.AccessRevokedV1.Scope;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TopicWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The list follows the topic on a real broker: current at start, and within seconds after. */
class RevocationFollowerIT {

  private static final String TOPIC =
      Topics.prefixed(
          TestNamespace.forClass(RevocationFollowerIT.class).name(), Topics.IDENTITY_REVOCATIONS);
  private static final RevocationProperties PROPERTIES =
      new RevocationProperties(true, Duration.ofDays(1), Duration.ofMillis(200));

  private final java.util.List<RevocationFollower> followers = new java.util.ArrayList<>();

  @AfterEach
  void stopFollowers() {
    followers.forEach(RevocationFollower::stop);
  }

  @Test
  void aRevocationReachesARunningListWithinSecondsAndARestartedOneReadsItAgain() {
    RevocationList running = follow();
    await().atMost(Duration.ofSeconds(30)).until(running::current);
    Instant issued = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

    publish("SUBJECT:unreadable", "not an event");
    publish(
        new AccessRevokedV1(
            Scope.VENDOR, "vendor-9", AccessRevokedV1.Reason.VENDOR_SUSPENDED, Instant.now()));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> running.revoked("vendor-user", "vendor-9", issued));
    RevocationList restarted = follow();
    await().atMost(Duration.ofSeconds(30)).until(restarted::current);
    assertThat(restarted.revoked("vc_client", "vendor-9", issued))
        .as("read from the start of the topic, past a record it cannot read")
        .isTrue();
    assertThat(restarted.revoked("vendor-user", "vendor-8", issued)).isFalse();
  }

  private RevocationList follow() {
    RevocationList list = new RevocationList();
    RevocationFollower follower =
        new RevocationFollower(
            list,
            TOPIC,
            Map.of("bootstrap.servers", KafkaTestServer.bootstrapServers()),
            PROPERTIES,
            Clock.systemUTC());
    follower.start();
    followers.add(follower);
    return list;
  }

  private static void publish(AccessRevokedV1 revocation) {
    publish(
        revocation.key(),
        EventJson.write(EventEnvelope.of("test", Instant.now(), null, revocation)));
  }

  private static void publish(String key, String value) {
    TopicWriter.send(TOPIC, key, value);
  }
}
