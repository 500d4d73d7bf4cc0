package dev.marketplace.gateway.errors;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.handler.timeout.TimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Decides which problem an error becomes. A failed call to a service follows one rule: the service
 * could not be reached or its circuit is open → 503; it did not answer in time → 504; it answered
 * something that is not HTTP, or hung up mid-answer → 502. Framework errors keep their status (404
 * no route, 405, ...); anything else is the gateway's own fault → 500.
 */
public final class ErrorProblems {

  private ErrorProblems() {}

  public static Problem of(Throwable error) {
    if (find(error, PayloadTooLargeException.class) instanceof PayloadTooLargeException tooLarge) {
      return Problem.payloadTooLarge(tooLarge.maxBytes());
    }
    if (find(error, BodyReadTimeoutException.class) != null) {
      return new Problem(
          HttpStatus.REQUEST_TIMEOUT,
          ProblemTypes.REQUEST_TIMEOUT,
          "Request timeout",
          "The request body stopped arriving before the length it declared.");
    }
    if (find(error, HttpClientErrorException.class) instanceof HttpClientErrorException client
        && client.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
      return tooManyRequests();
    }
    if (find(error, AuthenticationServiceException.class) != null) {
      // The issuer's key set could not be fetched: the token is not known to be bad.
      return unavailable("Access tokens cannot be checked right now; retry shortly.");
    }
    if (isCircuitOpen(error)) {
      return unavailable("The service is failing and is given a moment to recover; retry shortly.");
    }
    if (find(error, UpstreamCallException.class) != null) {
      return upstreamFailure(error);
    }
    if (error instanceof ResponseStatusException status) {
      return forStatus(status.getStatusCode(), status.getReason());
    }
    return internal();
  }

  /** The call to the service failed: it was unreachable, too slow, or answered garbage. */
  private static Problem upstreamFailure(Throwable error) {
    if (isTimeout(error)) {
      return new Problem(
          HttpStatus.GATEWAY_TIMEOUT,
          ProblemTypes.GATEWAY_TIMEOUT,
          "Gateway timeout",
          "The service did not answer in time.");
    }
    if (isUnreachable(error)) {
      return unavailable("The service cannot be reached right now; retry shortly.");
    }
    return new Problem(
        HttpStatus.BAD_GATEWAY,
        ProblemTypes.BAD_GATEWAY,
        "Bad gateway",
        "The service's answer was malformed or cut off.");
  }

  /** Whether the error is the gateway's own (a bug), worth a stack trace in the log. */
  static boolean isInternal(Problem problem) {
    return problem.status() == HttpStatus.INTERNAL_SERVER_ERROR;
  }

  private static Problem tooManyRequests() {
    return new Problem(
        HttpStatus.TOO_MANY_REQUESTS,
        ProblemTypes.TOO_MANY_REQUESTS,
        "Too many requests",
        "The rate limit is used up; retry after the number of seconds in Retry-After.");
  }

  private static Problem unavailable(String detail) {
    return new Problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        ProblemTypes.SERVICE_UNAVAILABLE,
        "Service unavailable",
        detail);
  }

  private static Problem internal() {
    return new Problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        ProblemTypes.INTERNAL,
        "Internal error",
        "The request could not be completed. It has been logged; retrying may help.");
  }

  /** Framework errors with a status of their own (404 no route, 405, 415, ...). */
  private static Problem forStatus(HttpStatusCode code, @Nullable String reason) {
    HttpStatus status = HttpStatus.resolve(code.value());
    if (status == null || status.is5xxServerError()) {
      return internal();
    }
    return switch (status) {
      case NOT_FOUND ->
          new Problem(status, ProblemTypes.NOT_FOUND, "Not found", "No resource at this path.");
      case METHOD_NOT_ALLOWED ->
          new Problem(
              status,
              ProblemTypes.METHOD_NOT_ALLOWED,
              "Method not allowed",
              "This path does not accept the method.");
      case NOT_ACCEPTABLE ->
          new Problem(
              status,
              ProblemTypes.NOT_ACCEPTABLE,
              "Not acceptable",
              "No representation matches the Accept header.");
      case UNSUPPORTED_MEDIA_TYPE ->
          new Problem(
              status,
              ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
              "Unsupported media type",
              "The Content-Type is not accepted here.");
      case CONTENT_TOO_LARGE ->
          new Problem(
              status,
              ProblemTypes.PAYLOAD_TOO_LARGE,
              "Payload too large",
              "The request body is too large.");
      case UNAUTHORIZED -> Problem.unauthorized("This endpoint needs an access token.");
      case FORBIDDEN -> Problem.forbidden();
      case TOO_MANY_REQUESTS -> tooManyRequests();
      default ->
          new Problem(
              status,
              ProblemTypes.MALFORMED_REQUEST,
              "Malformed request",
              reason == null ? "The request cannot be processed." : reason);
    };
  }

  /** An open circuit refusing calls: expected while a service recovers, not news per request. */
  static boolean isCircuitOpen(Throwable error) {
    return find(error, CallNotPermittedException.class) != null
        || find(error, ServiceUnavailableException.class) != null;
  }

  private static boolean isTimeout(Throwable error) {
    ResponseStatusException status = find(error, ResponseStatusException.class);
    return (status != null && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())
        || find(error, java.util.concurrent.TimeoutException.class) != null
        // Reactor Netty's read timeout: the upstream went silent while sending its answer.
        || find(error, TimeoutException.class) != null;
  }

  private static boolean isUnreachable(Throwable error) {
    // Netty's connect timeout is a ConnectException too.
    return find(error, ConnectException.class) != null
        || find(error, NoRouteToHostException.class) != null
        || find(error, UnknownHostException.class) != null;
  }

  private static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
