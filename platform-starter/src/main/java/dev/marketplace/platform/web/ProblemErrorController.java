package dev.marketplace.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what the container forwards to its error page (a request the security firewall rejected,
 * a method the container refuses, a status set by {@code sendError}) as a problem, in place of
 * Spring Boot's JSON of another shape.
 */
@Hidden
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

  @RequestMapping
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = statusOf(request);
    ProblemDetail problem =
        ProblemDetailsAdvice.problem(
            status,
            ProblemTypes.forStatus(status.value()),
            titleOf(status),
            detailOf(status, request));
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path) {
      problem.setInstance(ProblemResponses.safeUri(path));
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static HttpStatus statusOf(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)
        instanceof RequestRejectedException) {
      return HttpStatus.BAD_REQUEST;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code == null) {
      // Called directly rather than forwarded to by the container: there is nothing here.
      return HttpStatus.NOT_FOUND;
    }
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static String titleOf(HttpStatus status) {
    return status == HttpStatus.BAD_REQUEST ? "Malformed request" : status.getReasonPhrase();
  }

  private static String detailOf(HttpStatus status, HttpServletRequest request) {
    return switch (status) {
      case BAD_REQUEST ->
          "The request's path, headers or encoding are not allowed (control characters, encoded"
              + " slashes or dots, non-ASCII header values).";
      case METHOD_NOT_ALLOWED -> "The method " + request.getMethod() + " is not allowed here.";
      case NOT_FOUND -> "No resource at this path.";
      default ->
          status.is5xxServerError()
              ? "The request could not be completed. It has been logged; retrying may help."
              : status.getReasonPhrase() + ".";
    };
  }
}
