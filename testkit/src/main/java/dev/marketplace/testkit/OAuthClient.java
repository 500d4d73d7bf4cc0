package dev.marketplace.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the authorization server the way a browser and an app do: the authorization code flow with
 * PKCE (including the sign-in form and its CSRF token), refresh, and client credentials. One
 * instance is one browser: it keeps cookies and does not follow redirects, so every step can be
 * checked. Used by tests and by the local stack's token command.
 */
public final class OAuthClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String baseUrl;
  private final HttpClient http;

  private OAuthClient(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A fresh browser against the server (or the gateway in front of it) at {@code baseUrl}. */
  public static OAuthClient at(String baseUrl) {
    return new OAuthClient(baseUrl);
  }

  /** Tokens from the token endpoint; {@code status} is its HTTP status. */
  public record Tokens(int status, JsonNode body) {

    public String accessToken() {
      return body.path("access_token").asString();
    }

    public @Nullable String refreshToken() {
      return body.hasNonNull("refresh_token") ? body.path("refresh_token").asString() : null;
    }

    public @Nullable String idToken() {
      return body.hasNonNull("id_token") ? body.path("id_token").asString() : null;
    }

    public String error() {
      return body.path("error").asString("");
    }
  }

  /** Where a sign-in attempt sent the browser, and the page text if it was sent back to sign in. */
  public record SignIn(String location, boolean rejected, String pageText) {}

  /**
   * The whole authorization code flow with PKCE: authorize, sign in, come back with a code, and
   * exchange it (with the secret of a confidential client, or none for a public one).
   */
  public Tokens authorizationCode(
      String clientId,
      @Nullable String clientSecret,
      String redirectUri,
      String email,
      String password) {
    String verifier = randomString(48);
    String state = randomString(16);
    String authorize =
        baseUrl
            + "/oauth2/authorize?"
            + form(
                Map.of(
                    "response_type",
                    "code",
                    "client_id",
                    clientId,
                    "redirect_uri",
                    redirectUri,
                    "scope",
                    "openid profile",
                    "state",
                    state,
                    "code_challenge",
                    challenge(verifier),
                    "code_challenge_method",
                    "S256"));
    HttpResponse<String> toSignIn = get(authorize);
    expectRedirect(toSignIn, "authorize without a session");
    SignIn signIn = signIn(email, password);
    if (signIn.rejected()) {
      throw new IllegalStateException("sign-in rejected: " + signIn.pageText());
    }
    HttpResponse<String> back = get(absolute(signIn.location()));
    String callback = expectRedirect(back, "authorize after sign-in");
    if (!callback.startsWith(redirectUri)) {
      throw new IllegalStateException(
          "expected a redirect to " + redirectUri + ", got " + callback);
    }
    Map<String, String> query = query(URI.create(callback).getRawQuery());
    if (!state.equals(query.get("state"))) {
      throw new IllegalStateException("state did not round-trip: " + callback);
    }
    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("code", query.get("code"));
    exchange.put("redirect_uri", redirectUri);
    exchange.put("code_verifier", verifier);
    if (clientSecret == null) {
      exchange.put("client_id", clientId);
    }
    return token(exchange, clientId, clientSecret);
  }

  /** Posts the sign-in form (with its CSRF token) and reports where it leads. */
  public SignIn signIn(String email, String password) {
    HttpResponse<String> page = get(baseUrl + "/login");
    Matcher csrf = CSRF.matcher(page.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the sign-in page: " + page.body());
    }
    String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
    HttpResponse<String> posted =
        post(
            baseUrl + "/login",
            form(Map.of("username", email, "password", password, "_csrf", token)),
            null,
            "text/html");
    String location = expectRedirect(posted, "sign-in");
    boolean rejected = location.contains("/login?error");
    String text = rejected ? get(absolute(location)).body() : "";
    return new SignIn(location, rejected, text);
  }

  public Tokens refresh(String clientId, @Nullable String clientSecret, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    if (clientSecret == null) {
      form.put("client_id", clientId);
    }
    return token(form, clientId, clientSecret);
  }

  public Tokens clientCredentials(String clientId, String clientSecret) {
    return token(Map.of("grant_type", "client_credentials"), clientId, clientSecret);
  }

  private Tokens token(Map<String, String> form, String clientId, @Nullable String secret) {
    String basic =
        secret == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        post(baseUrl + "/oauth2/token", form(form), basic, "application/json");
    String body = response.body();
    if (body.isBlank() || !body.strip().startsWith("{")) {
      body = "{\"error\":\"no JSON body\",\"raw\":" + JSON.writeValueAsString(body) + "}";
    }
    return new Tokens(response.statusCode(), JSON.readTree(body));
  }

  private HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
  }

  private HttpResponse<String> post(
      String url, String form, @Nullable String authorization, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String expectRedirect(HttpResponse<String> response, String step) {
    if (response.statusCode() / 100 != 3) {
      throw new IllegalStateException(
          step + ": expected a redirect, got " + response.statusCode() + " " + response.body());
    }
    return response.headers().firstValue("Location").orElseThrow();
  }

  private String absolute(String location) {
    return location.startsWith("http") ? location : baseUrl + location;
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomString(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> query(@Nullable String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.put(
              pair.substring(0, eq),
              java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return values;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
