package dev.marketplace.platform.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryRulesTest {

  record Address(@Nullable String country, @Nullable String postalCode, @Nullable String region)
      implements PostalAddress {}

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "DE, 10115, -",
        "GB, SW1Y 4JH, -",
        "GB, sw1a 1aa, -",
        "NL, 1012 AB, -",
        "US, 94103-1234, CA",
        "CA, K1A 0B1, on",
        "AU, 2000, NSW",
        "IE, D02 X285, -",
        "HK, -, -",
        "KE, 00100, -"
      })
  void validAddressesPass(String country, @Nullable String postalCode, @Nullable String region) {
    assertThat(CountryRules.problems(new Address(country, postalCode, region))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "DE, 1011, -, postalCode, is not a postal code of DE (like 10115)",
        "GB, 12345, -, postalCode, is not a postal code of GB (like SW1A 1AA)",
        "US, 94103, -, region, is required for US (its two-letter code)",
        "US, 94103, XX, region, is not a region code of US",
        "FR, -, -, postalCode, is required for FR",
        "XX, 12345, -, country, is not an ISO 3166-1 country code",
        "KE, '#!', -, postalCode, 'is not a postal code (2-10 letters, digits, spaces, hyphens)'"
      })
  void eachBrokenRuleNamesItsField(
      String country,
      @Nullable String postalCode,
      @Nullable String region,
      String field,
      String message) {
    assertThat(CountryRules.problems(new Address(country, postalCode, region)))
        .containsExactly(java.util.Map.entry(field, message));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {"Britain", "-"})
  void aMalformedCountryIsLeftToItsFieldConstraint(@Nullable String country) {
    assertThat(CountryRules.problems(new Address(country, "1", null))).isEmpty();
  }
}
