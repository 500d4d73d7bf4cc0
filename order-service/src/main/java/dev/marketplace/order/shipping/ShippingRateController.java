package dev.marketplace.order.shipping;

import dev.marketplace.order.money.Money;
import dev.marketplace.platform.address.CountryRules;
import dev.marketplace.platform.security.CallerVendor;
import dev.marketplace.platform.web.InvalidFieldException;
import dev.marketplace.platform.web.IsoCurrency;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A vendor reads and replaces its shipping rates. */
@RestController
@Validated
@RequestMapping("/api/v1/vendor/shipping-rates")
class ShippingRateController {

  private final ShippingRates rates;
  private final Clock clock;

  ShippingRateController(ShippingRates rates, Clock clock) {
    this.rates = rates;
    this.clock = clock;
  }

  @Operation(summary = "Read the vendor's shipping rates")
  @GetMapping
  RateTable get(@AuthenticationPrincipal Jwt token) {
    return RateTable.of(rates.ofVendor(CallerVendor.of(token)));
  }

  /** Replaces every rate: a country left out is one the vendor no longer ships to. */
  @Operation(summary = "Replace the vendor's shipping rates")
  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  RateTable put(@AuthenticationPrincipal Jwt token, @Valid @RequestBody RateTable table) {
    String vendorId = CallerVendor.of(token);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < table.rates().size(); i++) {
      Rate rate = table.rates().get(i);
      if (!CountryRules.isCountry(rate.country())) {
        throw new InvalidFieldException(
            "rates[" + i + "].country", "is not an ISO 3166-1 country code");
      }
      if (!seen.add(rate.country() + "/" + rate.currency())) {
        throw new InvalidFieldException(
            "rates[" + i + "]", "repeats the rate to " + rate.country() + " in " + rate.currency());
      }
    }
    rates.replace(
        vendorId, table.rates().stream().map(Rate::toShippingRate).toList(), clock.instant());
    return RateTable.of(rates.ofVendor(vendorId));
  }

  record RateTable(@NotNull @Size(max = 250) List<@NotNull @Valid Rate> rates) {
    static RateTable of(List<ShippingRate> rates) {
      return new RateTable(
          rates.stream()
              .map(
                  r ->
                      new Rate(
                          r.country(),
                          r.currency(),
                          r.price().amountMinor(),
                          r.freeFrom() == null ? null : r.freeFrom().amountMinor()))
              .toList());
    }
  }

  /**
   * One destination: a flat {@code price} per order part, in minor units of {@code currency}; free
   * when the part's items come to {@code freeFrom} or more (none: never free).
   */
  record Rate(
      @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
          String country,
      @NotNull @IsoCurrency String currency,
      @NotNull @Min(0) @Max(100_000_000) Long price,
      @Nullable @Min(0) @Max(100_000_000_000L) Long freeFrom) {

    ShippingRate toShippingRate() {
      return new ShippingRate(
          country,
          new Money(price, currency),
          freeFrom == null ? null : new Money(freeFrom, currency));
    }
  }
}
