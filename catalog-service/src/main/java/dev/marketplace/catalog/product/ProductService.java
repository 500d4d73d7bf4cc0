package dev.marketplace.catalog.product;

import dev.marketplace.catalog.category.CategoryRepository;
import dev.marketplace.catalog.outbox.ProductEventRelay;
import dev.marketplace.platform.web.ConflictException;
import dev.marketplace.platform.web.NotFoundException;
import dev.marketplace.platform.web.PreconditionFailedException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * The vendor's use cases. Ownership is checked here, not only at the gateway: another vendor's
 * product is reported as not found, so its existence does not leak.
 */
@Service
public class ProductService {

  private final ProductRepository products;
  private final CategoryRepository categories;
  private final ProductEvents events;
  private final ProductEventRelay relay;
  private final Clock clock;

  public ProductService(
      ProductRepository products,
      CategoryRepository categories,
      ProductEvents events,
      ProductEventRelay relay,
      Clock clock) {
    this.products = products;
    this.categories = categories;
    this.events = events;
    this.relay = relay;
    this.clock = clock;
  }

  public Product create(String vendorId, ProductDetails details) {
    requireKnownCategory(details);
    String productId = UUID.randomUUID().toString();
    requireOwnSkusFree(vendorId, productId, details);
    Product product = Product.create(productId, vendorId, details, clock.instant());
    return saved(save(product));
  }

  public Product update(
      String vendorId, String productId, @Nullable Long expectedVersion, ProductDetails details) {
    requireKnownCategory(details);
    requireOwnSkusFree(vendorId, productId, details);
    return change(
        vendorId,
        productId,
        expectedVersion,
        (product, now) -> {
          product.update(details, now);
          return true;
        });
  }

  public Product publish(String vendorId, String productId, @Nullable Long expectedVersion) {
    return change(vendorId, productId, expectedVersion, (p, now) -> p.publish(now));
  }

  public Product archive(String vendorId, String productId, @Nullable Long expectedVersion) {
    return change(vendorId, productId, expectedVersion, (p, now) -> p.archive(now));
  }

  public Product ownProduct(String vendorId, String productId) {
    return products
        .findById(productId)
        .filter(p -> p.isOwnedBy(vendorId))
        .orElseThrow(() -> notFound(productId));
  }

  public Page<Product> ownProducts(String vendorId, @Nullable ProductStatus status, Pageable page) {
    return status == null
        ? products.findByVendorId(vendorId, page)
        : products.findByVendorIdAndStatus(vendorId, status, page);
  }

  public Product publishedProduct(String productId) {
    return products
        .findByIdAndStatus(productId, ProductStatus.PUBLISHED)
        .orElseThrow(() -> notFound(productId));
  }

  private Product change(
      String vendorId,
      String productId,
      @Nullable Long expectedVersion,
      BiFunction<Product, java.time.Instant, Boolean> change) {
    Product product = ownProduct(vendorId, productId);
    if (expectedVersion != null && expectedVersion != product.revision()) {
      throw new PreconditionFailedException(
          "The product is at version "
              + product.revision()
              + ", not "
              + expectedVersion
              + "; read it again and reapply the change.");
    }
    boolean changed = change.apply(product, clock.instant());
    return changed ? saved(save(product)) : product;
  }

  /**
   * A SKU names one item of its vendor, for good: it is unique among the vendor's products,
   * archived ones included, so an order line, a stock level or a cart line keyed by (vendor, SKU)
   * can never mean two things. Other vendors' SKUs are theirs and do not matter.
   */
  private void requireOwnSkusFree(String vendorId, String productId, ProductDetails details) {
    List<String> skus = details.variants().stream().map(Variant::sku).toList();
    Set<String> taken = new HashSet<>();
    for (Product other : products.findUsingSkus(vendorId, skus)) {
      if (!other.id().equals(productId)) {
        other.details().variants().forEach(v -> taken.add(v.sku()));
      }
    }
    for (int i = 0; i < skus.size(); i++) {
      if (taken.contains(skus.get(i))) {
        throw skuTaken("variants[" + i + "].sku", skus.get(i));
      }
    }
  }

  /**
   * Saves the product with the events its change caused kept in its document, so one write stores
   * both. The unique index decides between two requests that passed the SKU check at the same
   * moment.
   */
  private Product save(Product product) {
    product.addPendingEvents(events.pending(product.takeRecorded()));
    try {
      return products.save(product);
    } catch (DuplicateKeyException e) {
      throw skuTaken("variants", "one of these SKUs");
    }
  }

  private static ConflictException skuTaken(String field, String sku) {
    return new ConflictException(
        field, "SKU " + sku + " is already used by another of your products; SKUs name one item.");
  }

  private Product saved(Product product) {
    relay.publishSoon(product.id(), product.pendingEvents());
    return product;
  }

  private void requireKnownCategory(ProductDetails details) {
    String categoryId = details.categoryId();
    if (categoryId != null && !categories.existsById(categoryId)) {
      throw new InvalidProductException("categoryId", "unknown category " + categoryId);
    }
  }

  private static NotFoundException notFound(String productId) {
    return new NotFoundException("No product " + productId + ".");
  }
}
