package dev.marketplace.payment.card;

import dev.marketplace.platform.web.FieldError;
import dev.marketplace.platform.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Invalid card details as the platform's validation problem, listing every invalid field. Ordered
 * before the platform's advice, whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CardProblemAdvice {

  @ExceptionHandler(InvalidCardException.class)
  ProblemDetail invalidCard(InvalidCardException e) {
    return ProblemDetailsAdvice.validation(
        e.errors().stream().map(error -> new FieldError(error.field(), error.message())).toList());
  }
}
