package dev.marketplace.testkit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A name unique within this test JVM, used as the database name, topic prefix and index prefix of
 * one test class, so classes sharing a server never see each other's data.
 */
public record TestNamespace(String name) {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** A fresh namespace such as {@code t3-productapi}; lower case so every server accepts it. */
  public static TestNamespace forClass(Class<?> testClass) {
    String simple = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (simple.length() > 20) {
      simple = simple.substring(0, 20);
    }
    return new TestNamespace("t" + COUNTER.incrementAndGet() + "-" + simple);
  }

  /** The same name with only letters, digits and underscores, for SQL identifiers. */
  public String identifier() {
    return name.replace('-', '_');
  }
}
