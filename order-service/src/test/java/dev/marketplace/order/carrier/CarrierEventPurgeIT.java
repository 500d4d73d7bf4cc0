package dev.marketplace.order.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.order.OrderIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CarrierEventPurgeIT extends OrderIntegrationTest {

  @Autowired CarrierEventPurge purge;

  @Test
  void eventsOlderThanTheRetentionAreForgottenAndRecentOnesKeptAgainstReplays() {
    String carrier = "purge-" + UUID.randomUUID().toString().substring(0, 8);
    received(carrier, "old-1", Duration.ofDays(2));
    received(carrier, "old-2", Duration.ofHours(25));
    received(carrier, "recent", Duration.ofMinutes(3));

    assertThat(purge.purge()).isGreaterThanOrEqualTo(2);

    assertThat(
            jdbc.sql("SELECT event_id FROM carrier_event WHERE carrier = ?")
                .param(carrier)
                .query(String.class)
                .list())
        .containsExactly("recent");
  }

  private void received(String carrier, String eventId, Duration ago) {
    jdbc.sql("INSERT INTO carrier_event (carrier, event_id, received_at) VALUES (?, ?, ?)")
        .params(carrier, eventId, Timestamp.from(Instant.now().minus(ago)))
        .update();
  }
}
