package dev.marketplace.inventory.location;

import dev.marketplace.platform.web.NotFoundException;
import dev.marketplace.platform.web.PageResponse;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A vendor's locations. Another vendor's location is reported as missing, never as forbidden. */
@Service
public class Locations {

  private final LocationRepository repository;
  private final Clock clock;

  Locations(LocationRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public Location open(String vendorId, String name, LocationKind kind) {
    Location location = Location.open(vendorId, name, kind, clock.instant());
    repository.insert(location);
    return location;
  }

  public PageResponse<Location> ofVendor(String vendorId, int page, int size) {
    return PageResponse.of(
        repository.ofVendor(vendorId, page * size, size),
        page,
        size,
        repository.countOfVendor(vendorId));
  }

  /** The vendor's own location, if it is one. */
  public java.util.Optional<Location> findOwn(String vendorId, UUID id) {
    return repository.find(id).filter(location -> location.ownedBy(vendorId));
  }

  /**
   * The vendor's own location; 404 otherwise, so location ids do not reveal other vendors' sites.
   */
  public Location own(String vendorId, UUID id) {
    return repository
        .find(id)
        .filter(location -> location.ownedBy(vendorId))
        .orElseThrow(() -> new NotFoundException("No location " + id + "."));
  }
}
