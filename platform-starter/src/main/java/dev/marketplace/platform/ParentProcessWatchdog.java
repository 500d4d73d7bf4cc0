package dev.marketplace.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Stops the service when the process that launched it is gone (property {@code
 * marketplace.parent-pid}), so a local stack killed without a chance to clean up leaves no orphaned
 * services behind. Shutdown is the normal graceful one.
 */
public class ParentProcessWatchdog implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ParentProcessWatchdog.class);

  private final Thread watcher;

  public ParentProcessWatchdog(long parentPid) {
    this.watcher =
        Thread.ofPlatform()
            .daemon()
            .name("parent-watchdog")
            .start(
                () -> {
                  var parent = ProcessHandle.of(parentPid);
                  while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                      Thread.sleep(Duration.ofSeconds(1));
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                  log.warn("launching process {} is gone; shutting down", parentPid);
                  System.exit(0);
                });
  }

  @Override
  public void destroy() {
    watcher.interrupt();
  }
}
