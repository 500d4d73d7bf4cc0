package dev.marketplace.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for driving a running service the way a real client does: JSON bodies, bearer
 * tokens, any header; it never throws on an error status, so tests can assert on 4xx responses.
 */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final String baseUrl;
  private final @Nullable String token;
  private final Map<String, String> headers;

  private ApiClient(
      HttpClient http, String baseUrl, @Nullable String token, Map<String, String> headers) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.token = token;
    this.headers = headers;
  }

  public static ApiClient at(String baseUrl) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return new ApiClient(http, baseUrl, null, Map.of());
  }

  /** The same client (and connection pool) with a bearer token. */
  public ApiClient withToken(@Nullable String bearerToken) {
    return new ApiClient(http, baseUrl, bearerToken, headers);
  }

  /** The same client (and connection pool) with one more header on every request. */
  public ApiClient withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiClient(http, baseUrl, token, Map.copyOf(more));
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response post(String path, @Nullable Object body) {
    return send("POST", path, body, "application/json");
  }

  public Response put(String path, @Nullable Object body) {
    return send("PUT", path, body, "application/json");
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  /** Sends a raw body with any content type, for malformed or mistyped requests. */
  public Response send(
      String method, String path, @Nullable Object body, @Nullable String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    String text =
        body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    request.method(
        method,
        text == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(text));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with its body parsed as JSON when it is JSON. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public @Nullable String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      String type = header("Content-Type");
      return type == null ? "" : type;
    }

    @Override
    public String toString() {
      return raw.request().method() + " " + raw.uri() + " -> " + status() + " " + body();
    }
  }
}
