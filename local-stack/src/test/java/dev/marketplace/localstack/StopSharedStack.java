package dev.marketplace.localstack;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the {@link SharedStack} once every test class has run, while the JVM is still whole
 * (registered in {@code META-INF/services}).
 */
public final class StopSharedStack implements LauncherSessionListener {

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    SharedStack.stop();
  }
}
