package dev.marketplace.customer.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per key (an account's email index, a client address) in PostgreSQL, so
 * every replica sees the same count. A key with too many failures in the window is locked for the
 * lockout period, whatever password comes next.
 */
@Component
class LoginThrottle {

  private final JdbcClient jdbc;
  private final AuthProperties.Login settings;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, AuthProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.settings = properties.login();
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public boolean locked(String key) {
    return jdbc.sql(
                "SELECT count(*) FROM login_throttle WHERE throttle_key = ? AND locked_until > ?")
            .params(key, now())
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Records a failure; the transaction is its own, as the sign-in itself failed.
   *
   * @return whether this failure locked the key
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean failed(String key, int maxFailures) {
    OffsetDateTime now = now();
    OffsetDateTime windowStart = now.minus(settings.window());
    jdbc.sql(
            """
            INSERT INTO login_throttle (throttle_key, failures, window_started_at)
            VALUES (:key, 1, :now)
            ON CONFLICT (throttle_key) DO UPDATE SET
              failures = CASE WHEN login_throttle.window_started_at < :windowStart
                              THEN 1 ELSE login_throttle.failures + 1 END,
              window_started_at = CASE WHEN login_throttle.window_started_at < :windowStart
                                       THEN :now ELSE login_throttle.window_started_at END
            """)
        .param("key", key)
        .param("now", now)
        .param("windowStart", windowStart)
        .update();
    return jdbc.sql(
                "UPDATE login_throttle SET locked_until = ?, failures = 0, window_started_at = ?"
                    + " WHERE throttle_key = ? AND failures >= ?")
            .params(now.plus(settings.lockout()), now, key, maxFailures)
            .update()
        == 1;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void succeeded(String key) {
    jdbc.sql(
            "DELETE FROM login_throttle WHERE throttle_key = ? AND (locked_until IS NULL OR locked_until <= ?)")
        .params(key, now())
        .update();
  }

  private OffsetDateTime now() {
    Instant instant = clock.instant();
    return instant.atOffset(ZoneOffset.UTC);
  }
}
