package dev.marketplace.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a fake service received from the gateway. Header names are lower case. */
public record ReceivedRequest(
    String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }
}
