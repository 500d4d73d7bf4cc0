package dev.marketplace.order.carrier;

import dev.marketplace.order.order.OrderService;
import dev.marketplace.order.order.Shipment;
import dev.marketplace.platform.web.FieldError;
import dev.marketplace.platform.web.InvalidFieldException;
import dev.marketplace.platform.web.NotFoundException;
import dev.marketplace.platform.web.ProblemDetailsAdvice;
import dev.marketplace.platform.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Comparator;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where carriers report parcels. There is no token: a report is authentic when it is signed with
 * the carrier's secret ({@link CarrierSignature}), and it is read only once its signature is
 * checked over the exact bytes received. Each event id is applied once; a repeat is answered 200.
 */
@RestController
class CarrierWebhookController {

  private final OrderService orders;
  private final CarrierProperties carriers;
  private final JsonMapper json;
  private final Validator validator;
  private final Clock clock;

  CarrierWebhookController(
      OrderService orders,
      CarrierProperties carriers,
      JsonMapper json,
      Validator validator,
      Clock clock) {
    this.orders = orders;
    this.carriers = carriers;
    this.json = json;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * A parcel's news: {@code status} IN_TRANSIT, DELIVERED or DELIVERY_FAILED. Headers {@code
   * X-Carrier-Timestamp} (Unix seconds) and {@code X-Carrier-Signature} ({@code sha256=} hex
   * HMAC-SHA256 of {@code <timestamp>.<body>} under the carrier's secret).
   */
  @Operation(summary = "A carrier reports where a parcel is (signed webhook)")
  @PostMapping(
      path = "/api/v1/carriers/{carrier}/events",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> report(
      @PathVariable String carrier,
      @RequestHeader(name = "X-Carrier-Timestamp", required = false) @Nullable String timestamp,
      @RequestHeader(name = "X-Carrier-Signature", required = false) @Nullable String signature,
      @RequestBody byte[] body) {
    String secret = carriers.secrets().get(carrier);
    if (secret == null || secret.isBlank()) {
      throw new NotFoundException("No carrier " + carrier + " reports here.");
    }
    String refused =
        CarrierSignature.problem(
            secret, timestamp, signature, body, clock.instant(), carriers.tolerance());
    if (refused != null) {
      ProblemDetail problem =
          ProblemDetailsAdvice.problem(
              HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", refused);
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    CarrierEvent event = read(body);
    OrderService.CarrierReport outcome =
        orders.trackByCarrier(
            carrier, event.eventId(), event.trackingNumber(), event.status(), event.detail());
    return ResponseEntity.ok(new Receipt(event.eventId(), outcome.name()));
  }

  private CarrierEvent read(byte[] body) {
    CarrierEvent event;
    try {
      event = json.readValue(body, CarrierEvent.class);
    } catch (JacksonException e) {
      throw new InvalidFieldException("body", "is not a carrier event: " + e.getOriginalMessage());
    }
    if (event == null) {
      throw new InvalidFieldException("body", "is empty");
    }
    Set<ConstraintViolation<CarrierEvent>> violations = validator.validate(event);
    if (!violations.isEmpty()) {
      throw new InvalidFieldException(
          violations.stream()
              .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
              .sorted(Comparator.comparing(FieldError::field))
              .toList());
    }
    return event;
  }

  /** A carrier's report of one parcel. */
  record CarrierEvent(
      @NotBlank
          @Size(max = 100)
          @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be an event id")
          String eventId,
      @NotBlank @Size(max = 100) String trackingNumber,
      @NotNull Shipment.Status status,
      @Nullable @Size(max = 500) String detail) {}

  /** What the report did: APPLIED, DUPLICATE (sent before) or UNCHANGED. */
  record Receipt(String eventId, String outcome) {}
}
