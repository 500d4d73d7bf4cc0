package dev.marketplace.platform.outbox;

import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again what the first attempt did not get into Kafka. A send that failed is marked failed at
 * once; one that never finished (the process died) is marked failed by Modulith's staleness monitor
 * ({@code spring.modulith.events.staleness.*}). Each replica may run this: the registry claims a
 * publication with a conditional update, so only one replica resends it.
 */
public class OutboxResubmitter {

  private final FailedEventPublications failed;
  private final ResubmissionOptions options;

  public OutboxResubmitter(FailedEventPublications failed, int batchSize) {
    this.failed = failed;
    this.options = ResubmissionOptions.defaults().withBatchSize(batchSize);
  }

  @Scheduled(
      fixedDelayString = "${marketplace.outbox.resubmit-interval:2s}",
      initialDelayString = "${marketplace.outbox.resubmit-interval:2s}")
  public void resubmitFailed() {
    failed.resubmit(options);
  }
}
