package dev.marketplace.platform.audit;

import dev.marketplace.events.audit.AuditEventRecordedV1.Outcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every administrative request (paths under {@code marketplace.audit.paths}, reads
 * included: staff reading personal data is what an audit is for) and every change a staff member
 * makes anywhere, with its outcome, refusals included. It runs outside the security filters, so it
 * sees their refusals too; the caller comes from the security context the bearer-token filter left
 * on the request.
 */
public class StaffRequestAudit extends OncePerRequestFilter {

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final AuditLog audit;
  private final List<String> auditedPaths;

  public StaffRequestAudit(AuditLog audit, List<String> auditedPaths) {
    this.audit = audit;
    this.auditedPaths = List.copyOf(auditedPaths);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      record(request, Outcome.FAILED);
      throw e;
    }
    record(request, outcome(response));
  }

  /** The answer is given by now: a failure to record is logged and counted, not answered. */
  private void record(HttpServletRequest request, Outcome outcome) {
    Actor actor = Actor.of(authentication(request), request);
    if (!audited(request, actor)) {
      return;
    }
    try {
      audit.record(actor, action(request), request.getRequestURI(), outcome);
    } catch (RuntimeException e) {
      audit.failed(action(request), e);
    }
  }

  private boolean audited(HttpServletRequest request, Actor actor) {
    String path = request.getRequestURI();
    return auditedPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path))
        || (actor.isStaff() && !isRead(request));
  }

  private static boolean isRead(HttpServletRequest request) {
    return HttpMethod.GET.matches(request.getMethod())
        || HttpMethod.HEAD.matches(request.getMethod())
        || HttpMethod.OPTIONS.matches(request.getMethod());
  }

  /** The method and the route's pattern (ids left out), or the path when no route matched. */
  private static String action(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
  }

  private static Outcome outcome(HttpServletResponse response) {
    int status = response.getStatus();
    if (status == 401 || status == 403) {
      return Outcome.DENIED;
    }
    return status < 400 ? Outcome.SUCCEEDED : Outcome.FAILED;
  }

  private static @Nullable Authentication authentication(HttpServletRequest request) {
    return request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME)
            instanceof SecurityContext context
        ? context.getAuthentication()
        : null;
  }
}
