package dev.marketplace.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.inventory.location.LocationKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocationStockTest {

  private final LocationStock shelf =
      LocationStock.stored(UUID.randomUUID(), LocationKind.STORE, 10, 4, 7);

  @Test
  void aCountedLevelReplacesOnHandOnlyIfTheCountWasOfTheCurrentVersion() {
    shelf.setOnHand(12, 7);
    assertThat(shelf.onHand()).isEqualTo(12);

    assertThatThrownBy(() -> shelf.setOnHand(15, 6))
        .isInstanceOf(StockRuleException.class)
        .extracting(e -> ((StockRuleException) e).rule())
        .isEqualTo(StockRuleException.Rule.STALE_VERSION);
    assertThat(shelf.onHand()).isEqualTo(12);
  }

  @Test
  void onHandNeverDropsBelowWhatIsHeldForOrders() {
    assertThatThrownBy(() -> shelf.setOnHand(3, 7))
        .extracting(e -> ((StockRuleException) e).rule())
        .isEqualTo(StockRuleException.Rule.BELOW_RESERVED);
    assertThatThrownBy(() -> shelf.adjust(-7))
        .extracting(e -> ((StockRuleException) e).rule())
        .isEqualTo(StockRuleException.Rule.BELOW_RESERVED);
    shelf.adjust(-6);
    assertThat(shelf.onHand()).isEqualTo(4);
    assertThat(shelf.free()).isZero();
  }

  @Test
  void adjustmentsCannotGoBelowZeroOrAboveTheMaximum() {
    LocationStock empty = LocationStock.empty(UUID.randomUUID(), LocationKind.WAREHOUSE);
    assertThatThrownBy(() -> empty.adjust(-1))
        .extracting(e -> ((StockRuleException) e).rule())
        .isEqualTo(StockRuleException.Rule.BELOW_RESERVED);
    assertThatThrownBy(() -> empty.adjust(LocationStock.MAX_ON_HAND + 1))
        .extracting(e -> ((StockRuleException) e).rule())
        .isEqualTo(StockRuleException.Rule.ABOVE_MAXIMUM);
    assertThatThrownBy(() -> empty.adjust(Integer.MIN_VALUE))
        .extracting(e -> ((StockRuleException) e).rule())
        .isEqualTo(StockRuleException.Rule.BELOW_RESERVED);
    empty.adjust(LocationStock.MAX_ON_HAND);
    assertThat(empty.onHand()).isEqualTo(LocationStock.MAX_ON_HAND);
  }

  @Test
  void aSaleBeyondTheFreeUnitsIsRecordedAsAShortfallAndLeavesHeldUnitsAlone() {
    int shortfall = shelf.recordDeparture(9);

    assertThat(shortfall).isEqualTo(3);
    assertThat(shelf.onHand()).isEqualTo(4);
    assertThat(shelf.reserved()).isEqualTo(4);
    assertThat(shelf.free()).isZero();
  }

  @Test
  void reservingTakesFreeUnitsAndCommittingTakesThemOutOfOnHand() {
    shelf.reserve(6);
    assertThat(shelf.free()).isZero();
    assertThatThrownBy(() -> shelf.reserve(1)).isInstanceOf(IllegalStateException.class);

    shelf.commit(3);
    assertThat(shelf.onHand()).isEqualTo(7);
    assertThat(shelf.reserved()).isEqualTo(7);

    shelf.release(7);
    assertThat(shelf.free()).isEqualTo(7);
    assertThatThrownBy(() -> shelf.release(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void settingTheSameQuantityIsNoChange() {
    shelf.setOnHand(10, 7);
    assertThat(shelf.changed()).isFalse();
    shelf.saved();
    assertThat(shelf.version()).isEqualTo(7);
  }
}
