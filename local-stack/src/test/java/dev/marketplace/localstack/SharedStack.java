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
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
    }
    return stack;
  }
}
