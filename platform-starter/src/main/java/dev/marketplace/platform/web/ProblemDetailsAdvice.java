package dev.marketplace.platform.web;

import dev.marketplace.platform.domain.BusinessRuleException;
import dev.marketplace.platform.domain.IllegalTransitionException;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into an RFC 9457 problem with a stable {@code type}; validation problems list
 * the offending fields in {@code errors}. Unexpected exceptions become a 500 that reveals nothing
 * internal.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  private static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(2);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem =
        problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage());
    if (e.field() != null) {
      problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
    }
    return problem;
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrentUpdate(OptimisticLockingFailureException e) {
    return problem(
        HttpStatus.CONFLICT,
        ProblemTypes.CONFLICT,
        "Concurrent update",
        "The resource was changed by another request; read it again and retry.");
  }

  @ExceptionHandler(PreconditionFailedException.class)
  ProblemDetail preconditionFailed(PreconditionFailedException e) {
    return problem(
        HttpStatus.PRECONDITION_FAILED,
        ProblemTypes.PRECONDITION_FAILED,
        "Precondition failed",
        e.getMessage());
  }

  @ExceptionHandler(PreconditionRequiredException.class)
  ProblemDetail preconditionRequired(PreconditionRequiredException e) {
    return problem(
        HttpStatus.PRECONDITION_REQUIRED,
        ProblemTypes.PRECONDITION_REQUIRED,
        "Precondition required",
        e.getMessage());
  }

  @ExceptionHandler(ServiceBusyException.class)
  ResponseEntity<ProblemDetail> serviceBusy(ServiceBusyException e) {
    return unavailable(e.getMessage(), e.retryAfter());
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail payloadTooLarge(PayloadTooLargeException e) {
    return problem(
        HttpStatus.CONTENT_TOO_LARGE,
        ProblemTypes.PAYLOAD_TOO_LARGE,
        "Payload too large",
        e.getMessage());
  }

  @ExceptionHandler(InvalidFieldException.class)
  ProblemDetail invalidField(InvalidFieldException e) {
    return validation(e.errors());
  }

  @ExceptionHandler(BusinessRuleException.class)
  ProblemDetail businessRule(BusinessRuleException e) {
    return validation(List.of(new FieldError(e.field(), e.getMessage())));
  }

  @ExceptionHandler(IllegalTransitionException.class)
  ProblemDetail illegalTransition(IllegalTransitionException e) {
    return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return validation(errors);
  }

  /** The security firewall refuses a header value only when the header is read, inside MVC. */
  @ExceptionHandler(RequestRejectedException.class)
  ProblemDetail rejected(RequestRejectedException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.MALFORMED_REQUEST,
        "Malformed request",
        "A header, the path or the encoding of the request is not allowed (control characters or"
            + " non-ASCII header values, encoded slashes or dots).");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail accessDenied(AccessDeniedException e) {
    return problem(
        HttpStatus.FORBIDDEN,
        ProblemTypes.FORBIDDEN,
        "Forbidden",
        "The access token does not grant this operation.");
  }

  /**
   * A store the service depends on (PostgreSQL, Redis, MongoDB) is down, or too busy to hand out a
   * connection in time: nothing was done, and the same request may well succeed in a moment. Logged
   * without a stack trace, as an outage makes one of these per request.
   */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class,
    QueryTimeoutException.class
  })
  ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
    log.warn("a store is unavailable: {}", e.toString());
    return unavailable(
        "A store this service depends on did not answer in time; nothing was changed. Retry after"
            + " the pause.",
        STORE_RETRY_AFTER);
  }

  /** 503 with Retry-After in whole seconds, at least one: the form every client reads. */
  private static ResponseEntity<ProblemDetail> unavailable(String detail, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.SERVICE_UNAVAILABLE,
                "Service unavailable",
                detail));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("unhandled exception", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        ProblemTypes.INTERNAL,
        "Internal error",
        "The request could not be completed. It has been logged; retrying may help.");
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new FieldError(e.getField(), messageOf(e.getDefaultMessage())))
            .sorted(Comparator.comparing(FieldError::field))
            .collect(Collectors.toList());
    ex.getBindingResult().getGlobalErrors().stream()
        .map(e -> new FieldError(e.getObjectName(), messageOf(e.getDefaultMessage())))
        .forEach(errors::add);
    return ResponseEntity.badRequest().body(validation(errors));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result instanceof ParameterErrors body
                        // A validated body: name its fields, as for @Valid alone.
                        ? body.getFieldErrors().stream()
                            .map(
                                e -> new FieldError(e.getField(), messageOf(e.getDefaultMessage())))
                        : result.getResolvableErrors().stream()
                            .map(
                                e ->
                                    new FieldError(
                                        result.getMethodParameter().getParameterName() == null
                                            ? "parameter"
                                            : result.getMethodParameter().getParameterName(),
                                        messageOf(e.getDefaultMessage()))))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return ResponseEntity.badRequest().body(validation(errors));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    PayloadTooLargeException tooLarge = causeOf(ex, PayloadTooLargeException.class);
    if (tooLarge != null) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(payloadTooLarge(tooLarge));
    }
    UnrecognizedPropertyException unknown = causeOf(ex, UnrecognizedPropertyException.class);
    if (unknown != null) {
      return ResponseEntity.badRequest()
          .body(validation(List.of(new FieldError(path(unknown), "unknown field"))));
    }
    MismatchedInputException mismatch = causeOf(ex, MismatchedInputException.class);
    if (mismatch != null
        && !mismatch.getPath().isEmpty()
        && StrictJson.isItsRefusal(mismatch.getOriginalMessage())) {
      return ResponseEntity.badRequest()
          .body(validation(List.of(new FieldError(path(mismatch), mismatch.getOriginalMessage()))));
    }
    if (mismatch != null && !mismatch.getPath().isEmpty()) {
      return ResponseEntity.badRequest()
          .body(
              validation(List.of(new FieldError(path(mismatch), "has the wrong type or format"))));
    }
    // A number too large for its field (3000000000 for an int) is a parse error underneath, but
    // well-formed JSON: name the field rather than call the body malformed.
    if (causeOf(ex, InputCoercionException.class) != null) {
      JacksonException located = withPath(ex);
      if (located != null) {
        return ResponseEntity.badRequest()
            .body(validation(List.of(new FieldError(path(located), "is out of range"))));
      }
    }
    String detail =
        causeOf(ex, StreamReadException.class) != null
            ? "The request body is not well-formed JSON."
            : "The request body is missing or cannot be read.";
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.MALFORMED_REQUEST,
                "Malformed request",
                detail));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(
      org.springframework.beans.TypeMismatchException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    return ResponseEntity.badRequest()
        .body(
            validation(
                List.of(
                    new FieldError(
                        name == null ? "parameter" : name, "has the wrong type or format"))));
  }

  /**
   * Gives the defaults of {@link ResponseEntityExceptionHandler} (415, 405, 406, ...) a stable
   * type.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && "about:blank".equals(String.valueOf(problem.getType()))) {
      problem.setType(ProblemTypes.forStatus(status.value()));
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  public static ProblemDetail validation(List<FieldError> errors) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            ProblemTypes.VALIDATION,
            "Invalid request",
            errors.isEmpty()
                ? "The request is invalid."
                : "Invalid fields: "
                    + errors.stream()
                        .map(FieldError::field)
                        .distinct()
                        .collect(Collectors.joining(", ")));
    problem.setProperty("errors", errors);
    return problem;
  }

  public static ProblemDetail problem(
      HttpStatus status, java.net.URI type, String title, @Nullable String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }

  /** The outermost Jackson exception in the chain that knows where in the body it happened. */
  private static @Nullable JacksonException withPath(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
        return jackson;
      }
    }
    return null;
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.indexOf('.');
    return dot >= 0 ? propertyPath.substring(dot + 1) : propertyPath;
  }

  private static String messageOf(@Nullable String message) {
    return message == null ? "is invalid" : message;
  }

  private static <T extends Throwable> @Nullable T causeOf(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
