package dev.marketplace.catalog.product;

import dev.marketplace.platform.web.FieldError;
import dev.marketplace.platform.web.ProblemDetailsAdvice;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Product rules broken in the domain are validation problems on the field concerned. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductErrors {

  @ExceptionHandler(InvalidProductException.class)
  ProblemDetail invalid(InvalidProductException e) {
    return ProblemDetailsAdvice.validation(List.of(new FieldError(e.field(), e.getMessage())));
  }
}
