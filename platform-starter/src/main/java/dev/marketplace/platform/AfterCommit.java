package dev.marketplace.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something once the current transaction has committed (at once when there is none): for
 * effects that must not happen for work that rolls back, such as counting a business outcome.
 */
public final class AfterCommit {

  private AfterCommit() {}

  public static void run(Runnable effect) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      effect.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            effect.run();
          }
        });
  }
}
