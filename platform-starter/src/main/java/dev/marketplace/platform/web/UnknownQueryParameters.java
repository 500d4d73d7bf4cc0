package dev.marketplace.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters an endpoint does not declare, so a misspelt filter ({@code
 * ?stauts=PAID}) is an error rather than silently ignored. An endpoint that takes a parameter map
 * checks the names itself.
 */
public class UnknownQueryParameters implements HandlerInterceptor {

  /** Declared names per endpoint; empty when it takes a parameter map. */
  private final Map<HandlerMethod, Optional<Set<String>>> declared = new ConcurrentHashMap<>();

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
      return true;
    }
    Optional<Set<String>> names = declared.computeIfAbsent(method, UnknownQueryParameters::names);
    if (names.isEmpty()) {
      return true;
    }
    Set<String> unknown = new TreeSet<>(QueryStringFilter.names(request.getQueryString()));
    unknown.removeAll(names.get());
    if (!unknown.isEmpty()) {
      throw new InvalidFieldException(
          String.join(", ", unknown),
          "is not a parameter of this endpoint"
              + (names.get().isEmpty()
                  ? " (it takes none)"
                  : "; it takes " + new TreeSet<>(names.get())));
    }
    return true;
  }

  private static Optional<Set<String>> names(HandlerMethod method) {
    Set<String> names = new TreeSet<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (param == null) {
        continue;
      }
      if (Map.class.isAssignableFrom(parameter.getParameterType())) {
        return Optional.empty();
      }
      String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
      if (name != null) {
        names.add(name);
      }
    }
    return Optional.of(names);
  }
}
