package dev.marketplace.platform.security;

import dev.marketplace.platform.web.ProblemDetailsAdvice;
import dev.marketplace.platform.web.ProblemResponses;
import dev.marketplace.platform.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as problem+json, with the Bearer challenge a client library expects. */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonMapper json;

  public ProblemSecurityHandlers(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean tokenSent = request.getHeader("Authorization") != null;
    response.setHeader(
        "WWW-Authenticate",
        tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"marketplace\"");
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        ProblemTypes.UNAUTHORIZED,
        "Unauthorized",
        tokenSent
            ? "The access token is invalid or expired."
            : "This endpoint needs an access token (Authorization: Bearer ...).");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        ProblemTypes.FORBIDDEN,
        "Forbidden",
        "The access token does not grant this operation.");
  }

  private void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      URI type,
      String title,
      String detail)
      throws IOException {
    ProblemResponses.write(
        request, response, ProblemDetailsAdvice.problem(status, type, title, detail), json);
  }
}
