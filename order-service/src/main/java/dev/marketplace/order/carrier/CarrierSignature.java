package dev.marketplace.order.carrier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A carrier's webhook signature: {@code sha256=} and the hex HMAC-SHA256, under the carrier's
 * secret, of the timestamp (Unix seconds), a dot and the raw body, as Stripe and GitHub sign
 * theirs. The timestamp is signed, so an old request sent again is refused as a replay once it is
 * older than the tolerance; within it, the event id makes a repeat change nothing.
 */
final class CarrierSignature {

  static final String PREFIX = "sha256=";

  private CarrierSignature() {}

  /** Why the request is refused, or null when it is signed by the secret and fresh. */
  static @Nullable String problem(
      String secret,
      @Nullable String timestamp,
      @Nullable String signature,
      byte[] body,
      Instant now,
      Duration tolerance) {
    if (timestamp == null || signature == null) {
      return "The request is not signed: send X-Carrier-Timestamp and X-Carrier-Signature.";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return "X-Carrier-Timestamp is not a Unix time in seconds.";
    }
    if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
      return "X-Carrier-Timestamp is more than "
          + tolerance.toMinutes()
          + " minutes from now: an old request is not accepted again.";
    }
    byte[] expected =
        (PREFIX + sign(secret, timestamp.strip(), body)).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))) {
      return "X-Carrier-Signature does not match the body and timestamp.";
    }
    return null;
  }

  /** The hex HMAC-SHA256 of {@code timestamp.body}. */
  static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
