package dev.marketplace.testkit.hostile;

import dev.marketplace.testkit.ApiClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends hostile variants of every operation in a service's OpenAPI document (see {@link
 * HostileProbes}) and checks each answer the way a client would need it: never a 5xx, never a hang
 * over five seconds, never a 4xx that is not {@code application/problem+json}, and no success for
 * an input that is plainly wrong. The seed is fixed ({@code -Dhostile.seed}); {@code
 * -Dhostile.rounds} varies more fields per operation for a longer run.
 */
public final class HostileInputSuite {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration HANG = Duration.ofSeconds(5);

  /** Operations whose truncated-body variant is sent: each costs a read timeout on the server. */
  private static final int TRUNCATED_BODIES = 2;

  private HostileInputSuite() {}

  /** Probes every operation of the OpenAPI document the service at {@code baseUrl} publishes. */
  public static Report probe(String target, String baseUrl, String bearerToken) {
    ApiClient.Response document = ApiClient.at(baseUrl).get("/v3/api-docs");
    if (document.status() != 200) {
      throw new AssertionError("GET /v3/api-docs answered " + document);
    }
    return probe(target, baseUrl, document.json(), bearerToken);
  }

  /**
   * Probes every operation of {@code openApi} at {@code baseUrl}, authenticated with {@code
   * bearerToken} so that validation, not authorization, is what the variants meet.
   */
  public static Report probe(String target, String baseUrl, JsonNode openApi, String bearerToken) {
    return probe(target, baseUrl, openApi, path -> bearerToken, true);
  }

  /**
   * Probes with the token each path needs (a vendor's for {@code /vendor/}, staff's for {@code
   * /admin/}), so that the variants meet validation rather than a 403.
   */
  public static Report probe(
      String target, String baseUrl, JsonNode openApi, Function<String, String> tokenForPath) {
    return probe(target, baseUrl, openApi, tokenForPath, true);
  }

  /**
   * Probes an edge (the gateway in front of fake services) for the answers it gives itself: no 5xx,
   * no hang, every 4xx a problem. Whether a wrong input is refused is the services' part.
   */
  public static Report probeAnswersOnly(
      String target, String baseUrl, JsonNode openApi, String bearerToken) {
    return probe(target, baseUrl, openApi, path -> bearerToken, false);
  }

  private static Report probe(
      String target,
      String baseUrl,
      JsonNode openApi,
      Function<String, String> tokenForPath,
      boolean refusals) {
    long seed = Long.getLong("hostile.seed", 20261207L);
    int rounds = Integer.getInteger("hostile.rounds", 1);
    URI uri = URI.create(baseUrl);
    RawHttp http = new RawHttp(uri.getHost(), uri.getPort(), HANG);
    HostileProbes probes = new HostileProbes(openApi, tokenForPath, new Random(seed), rounds);
    List<HostileProbes.Operation> operations = probes.operations();
    if (operations.isEmpty()) {
      throw new AssertionError(target + ": the OpenAPI document has no operation to probe");
    }
    Tally tally = new Tally();
    int truncated = 0;
    for (HostileProbes.Operation operation : operations) {
      boolean truncate =
          truncated < TRUNCATED_BODIES && operation.spec().path("requestBody").has("content");
      if (truncate) {
        truncated++;
      }
      probes
          .variants(operation, truncate)
          .forEach(
              request -> tally.add(refusals ? request : request.answerOnly(), http.send(request)));
    }
    if (!operations.isEmpty()) {
      String somePath = operations.getFirst().path().replaceAll("\\{[^}]+}", "p1");
      probes
          .serverVariants(somePath)
          .forEach(
              request -> tally.add(refusals ? request : request.answerOnly(), http.send(request)));
    }
    return new Report(
        target, seed, operations.size(), tally.requests, tally.outcomes, tally.failures);
  }

  /** What a run found; {@link #assertClean()} fails the test on any failure. */
  public record Report(
      String target,
      long seed,
      int operations,
      int requests,
      Map<String, Integer> outcomes,
      List<String> failures) {

    public String summary() {
      return "hostile input against "
          + target
          + " (seed "
          + seed
          + "): "
          + operations
          + " operations, "
          + requests
          + " requests, outcomes "
          + outcomes
          + ", failures "
          + failures.size();
    }

    public void assertClean() {
      System.out.println(summary());
      if (!failures.isEmpty()) {
        throw new AssertionError(
            summary()
                + "\n"
                + failures.stream().limit(60).collect(Collectors.joining("\n"))
                + (failures.size() > 60 ? "\n... and " + (failures.size() - 60) + " more" : ""));
      }
    }
  }

  private static final class Tally {
    int requests;
    final Map<String, Integer> outcomes = new TreeMap<>();
    final List<String> failures = new ArrayList<>();

    void add(HostileRequest request, RawHttp.Answer answer) {
      requests++;
      String outcome = classify(request, answer);
      outcomes.merge(outcome, 1, Integer::sum);
      if (outcome.startsWith("FAIL")) {
        failures.add(
            request.operation()
                + " | "
                + request.describe()
                + "\n    -> "
                + outcome
                + (answer == null ? "" : " " + abbreviate(answer.body())));
      }
    }

    private static String classify(HostileRequest request, RawHttp.Answer answer) {
      if (answer == null) {
        return "FAIL hang over " + HANG.toSeconds() + " s";
      }
      int status = answer.status();
      if (status == 0) {
        return "FAIL no answer (" + answer.body() + ")";
      }
      if (status == 429) {
        // A rate limit answered instead of the service: the variant tested nothing.
        return "FAIL 429 rate limited";
      }
      if (status >= 500) {
        return "FAIL " + status;
      }
      if (status >= 400) {
        return isProblem(answer) ? status + " problem" : "FAIL " + status + " not problem+json";
      }
      return request.mustRefuse() ? "FAIL accepted (" + status + ")" : status / 100 + "xx";
    }

    private static boolean isProblem(RawHttp.Answer answer) {
      if (!answer.contentType().startsWith("application/problem+json")) {
        return false;
      }
      try {
        JsonNode problem = JSON.readTree(answer.body());
        return problem.path("status").isInt() && problem.has("title");
      } catch (RuntimeException e) {
        return false;
      }
    }

    private static String abbreviate(String body) {
      String flat = body.replaceAll("\\s+", " ");
      return flat.length() > 240 ? flat.substring(0, 240) + "..." : flat;
    }
  }
}
