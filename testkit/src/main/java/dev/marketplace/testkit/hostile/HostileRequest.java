package dev.marketplace.testkit.hostile;

import java.util.Map;

/**
 * One request of the hostile-input suite.
 *
 * @param operation the OpenAPI operation it varies, as {@code METHOD /path/template}
 * @param kind the class of hostility (a short stable name; the summary counts by it)
 * @param target the request target exactly as sent: path and query, already percent-encoded
 * @param truncated the body is shorter than the Content-Length sent, and the connection stays open
 * @param mustRefuse a 2xx or 3xx answer is a failure too: the input is wrong, whatever the service
 */
record HostileRequest(
    String operation,
    String kind,
    String method,
    String target,
    Map<String, String> headers,
    byte[] body,
    boolean truncated,
    boolean mustRefuse) {

  /** The same request, judged only by the form of its answer. */
  HostileRequest answerOnly() {
    return new HostileRequest(operation, kind, method, target, headers, body, truncated, false);
  }

  String describe() {
    String shown = target.length() > 160 ? target.substring(0, 160) + "..." : target;
    String sentBody = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    if (sentBody.length() > 200) {
      sentBody = sentBody.substring(0, 200) + "...";
    }
    return kind + ": " + method + " " + shown + (body.length > 0 ? " body " + sentBody : "");
  }
}
