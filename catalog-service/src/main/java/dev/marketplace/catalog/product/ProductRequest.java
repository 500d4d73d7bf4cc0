package dev.marketplace.catalog.product;

import dev.marketplace.platform.web.IsoCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's description of a product, as sent to create or replace it. Limits keep one product
 * small enough to index and render; unknown fields are rejected (see platform defaults).
 */
public record ProductRequest(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 5000) @Nullable String description,
    @Size(max = 100) @Nullable String brand,
    @Size(max = 100) @Nullable String categoryId,
    @Size(max = 50)
        @Nullable
            Map<
                @NotBlank @Size(max = 50)
                @Pattern(regexp = ATTRIBUTE_NAME, message = ATTRIBUTE_NAME_MESSAGE) String,
                @NotNull @Size(max = 200) String>
            attributes,
    @NotEmpty @Size(max = 100) @Valid List<@NotNull VariantRequest> variants,
    @Size(max = 20)
        @Nullable
            List<
                @NotNull
                @Pattern(regexp = "https?://\\S{1,2000}", message = "must be an http(s) URL")
                String>
            mediaUrls) {

  /**
   * An attribute's name is a field name in the product's document: MongoDB gives '.' and a leading
   * '$' a meaning of their own.
   */
  static final String ATTRIBUTE_NAME = "[^.$][^.]*";

  static final String ATTRIBUTE_NAME_MESSAGE = "must not contain '.' nor start with '$'";

  /** One variant: the vendor's SKU, its distinguishing attributes and its price. */
  public record VariantRequest(
      @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9._-]{1,64}",
              message = "must be 1-64 letters, digits, '.', '_' or '-'")
          String sku,
      @Size(max = 20)
          @Nullable
              Map<
                  @NotBlank @Size(max = 50)
                  @Pattern(regexp = ATTRIBUTE_NAME, message = ATTRIBUTE_NAME_MESSAGE) String,
                  @NotNull @Size(max = 200) String>
              attributes,
      @NotNull @Valid PriceRequest price) {}

  /** A price in minor units (e.g. 1999 for 19.99 EUR); fractions and negatives are refused. */
  public record PriceRequest(
      @NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long amount,
      @NotNull @IsoCurrency String currency) {}

  ProductDetails toDetails() {
    return new ProductDetails(
        name.strip(),
        description,
        brand == null ? null : brand.strip(),
        categoryId,
        attributes == null ? Map.of() : attributes,
        variants.stream()
            .map(
                v ->
                    new Variant(
                        v.sku(),
                        v.attributes() == null ? Map.of() : v.attributes(),
                        new Money(v.price().amount(), v.price().currency())))
            .toList(),
        mediaUrls == null ? List.of() : mediaUrls);
  }
}
