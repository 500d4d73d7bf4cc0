package dev.marketplace.platform.address;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an address needs in each country. The countries the marketplace mostly ships to have their
 * postal code's exact shape, and a required region (state, province) where carriers need one; other
 * countries get a loose shape, so an address there is not refused for a rule we do not know. A few
 * countries have no postal codes at all.
 */
public final class CountryRules {

  private record Rule(Pattern postalCode, String example, Set<String> regions) {}

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private static final Pattern ANY_POSTAL_CODE = Pattern.compile("[A-Z0-9][A-Z0-9 -]{1,9}");

  private static final Set<String> WITHOUT_POSTAL_CODES =
      Set.of("AE", "AG", "AO", "BS", "BZ", "HK", "JM", "MO", "QA", "TV");

  private static final Map<String, Rule> RULES = rules();

  private CountryRules() {}

  /** Whether the code is an ISO 3166-1 alpha-2 country code. */
  public static boolean isCountry(@Nullable String code) {
    return code != null && COUNTRIES.contains(code);
  }

  /** The broken rules, by field; empty when the address is fine for its country. */
  public static Map<String, String> problems(PostalAddress address) {
    Map<String, String> problems = new LinkedHashMap<>();
    String country = address.country();
    if (country == null || !country.matches("[A-Z]{2}")) {
      return problems; // the field's own constraint names the problem
    }
    if (!COUNTRIES.contains(country)) {
      problems.put("country", "is not an ISO 3166-1 country code");
      return problems;
    }
    String postalCode = normalised(address.postalCode());
    Rule rule = RULES.get(country);
    if (postalCode.isEmpty()) {
      if (!WITHOUT_POSTAL_CODES.contains(country)) {
        problems.put("postalCode", "is required for " + country);
      }
    } else if (rule != null && !rule.postalCode().matcher(postalCode).matches()) {
      problems.put(
          "postalCode", "is not a postal code of " + country + " (like " + rule.example() + ")");
    } else if (rule == null && !ANY_POSTAL_CODE.matcher(postalCode).matches()) {
      problems.put("postalCode", "is not a postal code (2-10 letters, digits, spaces, hyphens)");
    }
    if (rule != null && !rule.regions().isEmpty()) {
      String region = normalised(address.region());
      if (region.isEmpty()) {
        problems.put("region", "is required for " + country + " (its two-letter code)");
      } else if (!rule.regions().contains(region)) {
        problems.put("region", "is not a region code of " + country);
      }
    }
    return problems;
  }

  private static String normalised(@Nullable String value) {
    return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
  }

  private static Map<String, Rule> rules() {
    Map<String, Rule> rules = new LinkedHashMap<>();
    Set<String> none = Set.of();
    rule(rules, "\\d{5}", "10115", none, "DE", "FR", "IT", "ES", "FI", "HR", "EE", "LT", "MX");
    rule(rules, "\\d{4}", "1010", none, "AT", "BE", "CH", "DK", "NO", "HU", "BG", "SI", "LU");
    rule(rules, "\\d{4}", "6011", none, "NZ");
    rule(rules, "\\d{4} ?[A-Z]{2}", "1012 AB", none, "NL");
    rule(rules, "\\d{3} ?\\d{2}", "114 55", none, "SE", "CZ", "SK", "GR");
    rule(rules, "\\d{2}-\\d{3}", "00-950", none, "PL");
    rule(rules, "\\d{4}-\\d{3}", "1100-148", none, "PT");
    rule(rules, "\\d{3}-?\\d{4}", "100-0001", none, "JP");
    rule(rules, "\\d{6}", "110001", none, "IN", "SG", "CN", "RO");
    rule(rules, "\\d{5}-?\\d{3}", "01310-100", none, "BR");
    rule(
        rules,
        "(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPS-UW]"
            + "|[A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})",
        "SW1A 1AA",
        none,
        "GB");
    rule(rules, "([AC-FHKNPRTV-Y]\\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}", "D02 X285", none, "IE");
    rule(
        rules,
        "\\d{5}(-\\d{4})?",
        "94103",
        Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
            "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
            "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
            "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI",
            "AA", "AE", "AP"),
        "US");
    rule(
        rules,
        "[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d",
        "K1A 0B1",
        Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"),
        "CA");
    rule(
        rules, "\\d{4}", "2000", Set.of("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"), "AU");
    return Map.copyOf(rules);
  }

  private static void rule(
      Map<String, Rule> rules,
      String postalCode,
      String example,
      Set<String> regions,
      String... countries) {
    for (String country : countries) {
      rules.put(country, new Rule(Pattern.compile(postalCode), example, regions));
    }
  }
}
