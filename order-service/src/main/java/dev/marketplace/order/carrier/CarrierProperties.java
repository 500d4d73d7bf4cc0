package dev.marketplace.order.carrier;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The carriers that may report parcels, each with the secret it signs its webhooks with (from a
 * secret store; a carrier not listed is refused).
 *
 * @param secrets each carrier's signing secret, by the carrier's name in {@code /carriers/{name}}
 * @param tolerance how far a webhook's timestamp may be from now: an older one is a replay
 * @param eventRetention how long event ids are remembered against replays; longer than the
 *     tolerance, past which a replay is refused by its timestamp anyway
 */
@ConfigurationProperties("marketplace.carriers")
public record CarrierProperties(
    @DefaultValue Map<String, String> secrets,
    @DefaultValue("5m") Duration tolerance,
    @DefaultValue("1d") Duration eventRetention) {

  public CarrierProperties {
    if (eventRetention.compareTo(tolerance.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "marketplace.carriers.event-retention ("
              + eventRetention
              + ") must be at least twice the tolerance ("
              + tolerance
              + "): a replay inside the window must still be recognised");
    }
  }
}
