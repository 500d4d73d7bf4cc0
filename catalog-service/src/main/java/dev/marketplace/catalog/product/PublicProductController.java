package dev.marketplace.catalog.product;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Shoppers read published products by id; drafts and archived products do not exist for them. */
@RestController
class PublicProductController {

  private final ProductService service;

  PublicProductController(ProductService service) {
    this.service = service;
  }

  @Operation(summary = "Read a published product")
  @GetMapping("/api/v1/products/{id}")
  ResponseEntity<ProductView> get(@PathVariable String id) {
    Product product = service.publishedProduct(id);
    return ResponseEntity.ok()
        .eTag(EntityTags.of(product.revision()))
        .cacheControl(CacheControl.noCache())
        .body(ProductView.of(product));
  }
}
