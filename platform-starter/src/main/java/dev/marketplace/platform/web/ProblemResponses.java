package dev.marketplace.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem from a servlet filter, where no controller advice reaches. */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      ProblemDetail problem,
      JsonMapper json)
      throws IOException {
    problem.setInstance(safeUri(request.getRequestURI()));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** The path as the client sent it may not even be a valid URI; the problem must still be. */
  public static URI safeUri(String path) {
    try {
      return URI.create(path);
    } catch (IllegalArgumentException e) {
      return URI.create("about:blank");
    }
  }
}
