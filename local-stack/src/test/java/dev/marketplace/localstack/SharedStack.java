package dev.marketplace.localstack;

/**
 * One local stack for every end-to-end test class in the JVM: starting the whole marketplace takes
 * a while, and the classes use distinct vendors and shoppers, so they do not disturb each other.
 */
final class SharedStack {

  private static LocalStack stack;
  private static RuntimeException failedStart;

  private SharedStack() {}

  /**
   * The stack, started on first use. If that start failed, every later class gets the same failure
   * rather than a second attempt, which would trip over the first one's leftovers and report those
   * instead of the cause.
   */
  static synchronized LocalStack get() {
    if (failedStart != null) {
      throw new IllegalStateException("the shared local stack failed to start", failedStart);
    }
    if (stack == null) {
      try {
        stack = LocalStack.start(LocalStack.Ports.free(), "768m");
      } catch (RuntimeException e) {
        failedStart = e;
        throw e;
      }
    }
    return stack;
  }

  /**
   * Stops the stack, if one started, when the test run ends ({@link StopSharedStack}), before the
   * JVM exits: in a shutdown hook it would race the embedded Kafka broker's own hook, which deletes
   * the broker's data under services still committing offsets, which then hang until killed.
   */
  static synchronized void stop() {
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }
}
