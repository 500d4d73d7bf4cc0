package dev.marketplace.order.order;

import dev.marketplace.platform.web.FieldError;
import dev.marketplace.platform.web.ProblemDetailsAdvice;
import dev.marketplace.platform.web.ProblemTypes;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The order's domain exceptions as the platform's problems. Ordered before the platform's advice,
 * whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblemAdvice {

  @ExceptionHandler(OrderRuleException.class)
  ProblemDetail rule(OrderRuleException e) {
    return ProblemDetailsAdvice.validation(List.of(new FieldError(e.field(), e.getMessage())));
  }

  @ExceptionHandler(IllegalOrderTransitionException.class)
  ProblemDetail transition(IllegalOrderTransitionException e) {
    return ProblemDetailsAdvice.problem(
        HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage());
  }
}
