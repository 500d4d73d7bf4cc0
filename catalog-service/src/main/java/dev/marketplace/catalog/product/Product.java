package dev.marketplace.catalog.product;

import dev.marketplace.events.Outgoing;
import dev.marketplace.events.Recorded;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.platform.domain.IllegalTransitionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A vendor's product: the aggregate owns its state changes and records the event each one causes.
 * Before saving, the service turns them into {@link #pendingEvents} kept in the product's own
 * document, so change and event are saved by one atomic single-document write. MongoDB
 * multi-document transactions are not relied on (see docs/ARCHITECTURE.md).
 *
 * <p>{@link #revision} counts changes: it is the product's public version (ETag, events' {@code
 * productVersion}). {@link #lockVersion} guards against concurrent writes between read and save.
 */
@Document("products")
public class Product {

  @Id private final String id;
  private final String vendorId;
  private ProductStatus status;
  private ProductDetails details;
  private long revision;
  private final Instant createdAt;
  private Instant updatedAt;
  private @Nullable Instant publishedAt;
  private final List<PendingEvent> pendingEvents;
  @Version private @Nullable Long lockVersion;

  /** Not stored: what is recorded becomes {@link #pendingEvents} before the save. */
  @Transient private final Recorded<Outgoing> recorded = new Recorded<>();

  @PersistenceCreator
  Product(
      String id,
      String vendorId,
      ProductStatus status,
      ProductDetails details,
      long revision,
      Instant createdAt,
      Instant updatedAt,
      @Nullable Instant publishedAt,
      @Nullable List<PendingEvent> pendingEvents,
      @Nullable Long lockVersion) {
    this.id = id;
    this.vendorId = vendorId;
    this.status = status;
    this.details = details;
    this.revision = revision;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.publishedAt = publishedAt;
    this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    this.lockVersion = lockVersion;
  }

  /** A new DRAFT product; records its first event. */
  public static Product create(String id, String vendorId, ProductDetails details, Instant now) {
    Product product =
        new Product(id, vendorId, ProductStatus.DRAFT, details, 1, now, now, null, null, null);
    product.recordState();
    return product;
  }

  /** Replaces the vendor's description of the product. Archived products can no longer change. */
  public void update(ProductDetails newDetails, Instant now) {
    requireNotArchived("update");
    this.details = newDetails;
    changed(now);
  }

  /** Makes the product visible to shoppers. Publishing a published product changes nothing. */
  public boolean publish(Instant now) {
    requireNotArchived("publish");
    if (status == ProductStatus.PUBLISHED) {
      return false;
    }
    status = ProductStatus.PUBLISHED;
    publishedAt = now;
    changed(now);
    return true;
  }

  /** Takes the product off sale for good. Archiving twice changes nothing. */
  public boolean archive(Instant now) {
    if (status == ProductStatus.ARCHIVED) {
      return false;
    }
    status = ProductStatus.ARCHIVED;
    changed(now);
    return true;
  }

  /** The events the changes since the last take caused, oldest first. */
  public List<Outgoing> takeRecorded() {
    return recorded.take();
  }

  /** Keeps events in the document until the relay has sent them; saved with the change. */
  public void addPendingEvents(List<PendingEvent> events) {
    pendingEvents.addAll(events);
  }

  public boolean isOwnedBy(String vendor) {
    return vendorId.equals(vendor);
  }

  public boolean isPublished() {
    return status == ProductStatus.PUBLISHED;
  }

  private void changed(Instant now) {
    revision++;
    updatedAt = now;
    recordState();
  }

  /** Every change announces the full new state, versioned by revision. */
  private void recordState() {
    recorded.add(
        new Outgoing(
            Topics.CATALOG_PRODUCTS,
            new ProductChangedV1(
                id,
                revision,
                vendorId,
                ProductChangedV1.Status.valueOf(status.name()),
                details.name(),
                details.description(),
                details.brand(),
                details.categoryId(),
                details.attributes(),
                details.variants().stream()
                    .map(
                        v ->
                            new ProductChangedV1.Variant(
                                v.sku(),
                                v.attributes(),
                                v.price().amountMinor(),
                                v.price().currency()))
                    .toList(),
                details.mediaUrls(),
                createdAt,
                updatedAt)));
  }

  private void requireNotArchived(String action) {
    if (status == ProductStatus.ARCHIVED) {
      throw new IllegalTransitionException("An archived product cannot " + action + ".");
    }
  }

  public String id() {
    return id;
  }

  public String vendorId() {
    return vendorId;
  }

  public ProductStatus status() {
    return status;
  }

  public ProductDetails details() {
    return details;
  }

  public long revision() {
    return revision;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public @Nullable Instant publishedAt() {
    return publishedAt;
  }

  public List<PendingEvent> pendingEvents() {
    return List.copyOf(pendingEvents);
  }
}
