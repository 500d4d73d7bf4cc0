package dev.marketplace.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.inventory.location.LocationKind;
import dev.marketplace.inventory.stock.SkuKey;
import dev.marketplace.inventory.stock.SkuStock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AllocatorTest {

  private static final SkuKey LAMP = new SkuKey("vendor-1", "LAMP");
  private static final SkuKey VASE = new SkuKey("vendor-1", "VASE");
  private static final SkuKey CHAIR = new SkuKey("vendor-2", "CHAIR");

  private final UUID store = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private final UUID smallWarehouse = UUID.fromString("00000000-0000-0000-0000-000000000002");
  private final UUID bigWarehouse = UUID.fromString("00000000-0000-0000-0000-000000000003");

  @Test
  void everyDemandMetHoldsAllOfThem() {
    var stock = Map.of(LAMP, stocked(LAMP, 5, 0, 0), VASE, stocked(VASE, 0, 2, 0));

    var result = Allocator.allocate(List.of(new Demand(LAMP, 2), new Demand(VASE, 2)), stock);

    assertThat(result)
        .isEqualTo(
            new Allocator.Allocated(
                List.of(new Allocation(LAMP, store, 2), new Allocation(VASE, smallWarehouse, 2))));
  }

  @Test
  void oneDemandShortHoldsNothingAndListsEveryShortDemand() {
    var stock =
        Map.of(
            LAMP, stocked(LAMP, 5, 0, 0),
            VASE, stocked(VASE, 1, 0, 0),
            CHAIR, SkuStock.none(CHAIR));

    var result =
        Allocator.allocate(
            List.of(new Demand(LAMP, 5), new Demand(VASE, 2), new Demand(CHAIR, 1)), stock);

    assertThat(result)
        .isEqualTo(
            new Allocator.Short(List.of(new Shortage(VASE, 2, 1), new Shortage(CHAIR, 1, 0))));
  }

  @Test
  void anUnknownSkuIsShortOfEverything() {
    var result = Allocator.allocate(List.of(new Demand(LAMP, 1)), Map.of());

    assertThat(result).isEqualTo(new Allocator.Short(List.of(new Shortage(LAMP, 1, 0))));
  }

  @Test
  void warehousesServeBeforeStoresAndTheFullestFirst() {
    var stock = Map.of(LAMP, stocked(LAMP, 50, 3, 4));

    var result = Allocator.allocate(List.of(new Demand(LAMP, 9)), stock);

    assertThat(result)
        .isEqualTo(
            new Allocator.Allocated(
                List.of(
                    new Allocation(LAMP, bigWarehouse, 4),
                    new Allocation(LAMP, smallWarehouse, 3),
                    new Allocation(LAMP, store, 2))));
  }

  @Test
  void heldUnitsAreNotFree() {
    SkuStock lamp = stocked(LAMP, 0, 0, 4);
    lamp.reserve(bigWarehouse, 3);

    var result = Allocator.allocate(List.of(new Demand(LAMP, 2)), Map.of(LAMP, lamp));

    assertThat(result).isEqualTo(new Allocator.Short(List.of(new Shortage(LAMP, 2, 1))));
  }

  private SkuStock stocked(SkuKey key, int inStore, int inSmallWarehouse, int inBigWarehouse) {
    SkuStock stock = SkuStock.none(key);
    if (inStore > 0) {
      stock.at(store, LocationKind.STORE).adjust(inStore);
    }
    if (inSmallWarehouse > 0) {
      stock.at(smallWarehouse, LocationKind.WAREHOUSE).adjust(inSmallWarehouse);
    }
    if (inBigWarehouse > 0) {
      stock.at(bigWarehouse, LocationKind.WAREHOUSE).adjust(inBigWarehouse);
    }
    return stock;
  }
}
