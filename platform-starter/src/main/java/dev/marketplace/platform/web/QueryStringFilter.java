package dev.marketplace.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query string that is not percent-encoded UTF-8, or that decodes to control characters,
 * before anything parses it: the container would otherwise drop or mangle the parameter, and a NUL
 * reaching PostgreSQL fails the query.
 */
public class QueryStringFilter extends OncePerRequestFilter {

  private final JsonMapper json;

  public QueryStringFilter(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    FieldError error = query == null ? null : firstError(query);
    if (error != null) {
      ProblemResponses.write(
          request, response, ProblemDetailsAdvice.validation(List.of(error)), json);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The first parameter that is not clean text, or null when all are. */
  static @Nullable FieldError firstError(String query) {
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      String name = decode(rawName);
      String shownName = name == null || hasControl(name) ? "query" : name;
      if (name == null || (equals >= 0 && decode(pair.substring(equals + 1)) == null)) {
        return new FieldError(shownName, "is not valid percent-encoded UTF-8");
      }
      if (hasControl(name) || (equals >= 0 && hasControl(decode(pair.substring(equals + 1))))) {
        return new FieldError(shownName, "must not contain control characters");
      }
    }
    return null;
  }

  /**
   * The decoded names of a query string's parameters, in order, repeats included. Only for a query
   * string this filter let through (one it refused has no clean names).
   */
  static List<String> names(String query) {
    List<String> names = new ArrayList<>();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (name != null && !name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  private static @Nullable String decode(String raw) {
    ByteBuffer bytes = ByteBuffer.allocate(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()
            || Character.digit(raw.charAt(i + 1), 16) < 0
            || Character.digit(raw.charAt(i + 2), 16) < 0) {
          return null;
        }
        bytes.put((byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c == '+') {
        bytes.put((byte) ' ');
      } else if (c > 0x7F) {
        return null;
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean hasControl(@Nullable String text) {
    return text != null && text.chars().anyMatch(Character::isISOControl);
  }
}
