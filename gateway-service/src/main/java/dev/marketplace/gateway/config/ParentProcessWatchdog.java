package dev.marketplace.gateway.config;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Stops the gateway when the process that launched it is gone ({@code marketplace.parent-pid}, set
 * by the local stack), as every service does through platform-starter, which the gateway cannot use
 * (it is servlet-based).
 */
@Component
@ConditionalOnProperty("marketplace.parent-pid")
class ParentProcessWatchdog implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ParentProcessWatchdog.class);

  private final Thread watcher;

  ParentProcessWatchdog(@Value("${marketplace.parent-pid}") long parentPid) {
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
