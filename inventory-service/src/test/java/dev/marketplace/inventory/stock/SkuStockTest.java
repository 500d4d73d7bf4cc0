package dev.marketplace.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.Outgoing;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1.Level;
import dev.marketplace.inventory.location.LocationKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SkuStockTest {

  private final UUID warehouse = UUID.randomUUID();
  private final UUID store = UUID.randomUUID();
  private final SkuStock lamp = SkuStock.none(new SkuKey("vendor-1", "LAMP-1"));

  @Test
  void availableIsTheFreeUnitsOverAllLocations() {
    lamp.at(warehouse, LocationKind.WAREHOUSE).adjust(8);
    lamp.at(store, LocationKind.STORE).adjust(4);
    lamp.reserve(warehouse, 3);

    assertThat(lamp.onHand()).isEqualTo(12);
    assertThat(lamp.reserved()).isEqualTo(3);
    assertThat(lamp.available()).isEqualTo(9);
  }

  @Test
  void theLevelIsLowAtOrBelowTheThresholdAndOutAtZero() {
    assertThat(lamp.level()).isEqualTo(Level.OUT_OF_STOCK);
    lamp.at(store, LocationKind.STORE).adjust(SkuStock.DEFAULT_LOW_STOCK_THRESHOLD);
    assertThat(lamp.level()).isEqualTo(Level.LOW_STOCK);
    lamp.at(store, LocationKind.STORE).adjust(1);
    assertThat(lamp.level()).isEqualTo(Level.IN_STOCK);
    lamp.changeLowStockThreshold(6);
    assertThat(lamp.level()).isEqualTo(Level.LOW_STOCK);
  }

  @Test
  void eachChangeOfAvailabilityIsAnnouncedOnceWithTheNextVersion() {
    lamp.at(warehouse, LocationKind.WAREHOUSE).adjust(20);
    StockAvailabilityChangedV1 first = announced().orElseThrow();
    assertThat(first)
        .isEqualTo(new StockAvailabilityChangedV1("LAMP-1", "vendor-1", 20, Level.IN_STOCK, 1));
    assertThat(first.key()).as("SKUs are unique per vendor only").isEqualTo("vendor-1:LAMP-1");
    assertThat(announced()).isEmpty();
    lamp.saved();

    lamp.reserve(warehouse, 16);
    assertThat(announced().orElseThrow())
        .isEqualTo(new StockAvailabilityChangedV1("LAMP-1", "vendor-1", 4, Level.LOW_STOCK, 2));
    lamp.saved();

    lamp.commit(warehouse, 16);
    assertThat(announced()).as("shipping held units changes nothing sellable").isEmpty();
  }

  @Test
  void aThresholdChangeIsAnnouncedOnlyWhenTheLevelChanges() {
    lamp.at(store, LocationKind.STORE).adjust(8);
    announced();
    lamp.saved();

    lamp.changeLowStockThreshold(7);
    assertThat(announced()).isEmpty();
    lamp.saved();

    lamp.changeLowStockThreshold(8);
    assertThat(announced().orElseThrow().level()).isEqualTo(Level.LOW_STOCK);
    assertThat(lamp.stockVersion()).isEqualTo(2);
  }

  @Test
  void nothingChangedNothingAnnounced() {
    assertThat(announced()).isEmpty();
    assertThat(lamp.changed()).isFalse();
  }

  /** What the SKU announces for its changes so far: at most one availability event. */
  private Optional<StockAvailabilityChangedV1> announced() {
    lamp.announce();
    List<Outgoing> recorded = lamp.takeRecorded();
    assertThat(recorded)
        .hasSizeLessThanOrEqualTo(1)
        .allSatisfy(
            message -> assertThat(message.topic()).isEqualTo(Topics.INVENTORY_AVAILABILITY));
    return recorded.stream()
        .map(message -> (StockAvailabilityChangedV1) message.payload())
        .findFirst();
  }
}
