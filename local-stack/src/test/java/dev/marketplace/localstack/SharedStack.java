package dev.marketplace.localstack;

/**
 * One local stack for every end-to-end test class in the JVM: starting the whole marketplace takes
 * a while, and the classes use distinct vendors and shoppers, so they do not disturb each other.
 */
final class SharedStack {

  private static LocalStack stack;

  private SharedStack() {}

  static synchronized LocalStack get() {
    if (stack == null) {
      stack = LocalStack.start(LocalStack.Ports.free(), "768m");
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
    }
    return stack;
  }
}
