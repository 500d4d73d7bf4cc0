package dev.marketplace.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppliedLevelsTest {

  private final AppliedLevels levels = new AppliedLevels(10);

  @Test
  void aSkuNotSeenYetIsAlwaysWritten() {
    assertThat(levels.changes(stock("LAMP", 40, "IN_STOCK", 7))).isTrue();
  }

  @Test
  void aNewQuantityAtTheSameLevelIsSkippedAndANewLevelIsNot() {
    levels.applied(stock("LAMP", 40, "IN_STOCK", 1));

    assertThat(levels.changes(stock("LAMP", 39, "IN_STOCK", 2))).isFalse();
    assertThat(levels.changes(stock("LAMP", 2, "LOW_STOCK", 3))).isTrue();
    assertThat(levels.changes(stock("LAMP", 0, "OUT_OF_STOCK", 4))).isTrue();
  }

  @Test
  void anOldOrRepeatedEventIsSkippedWhateverItsLevel() {
    levels.applied(stock("LAMP", 0, "OUT_OF_STOCK", 5));

    assertThat(levels.changes(stock("LAMP", 0, "OUT_OF_STOCK", 5))).isFalse();
    assertThat(levels.changes(stock("LAMP", 12, "IN_STOCK", 4))).isFalse();
  }

  @Test
  void anOlderApplicationNeverReplacesANewerOne() {
    levels.applied(stock("LAMP", 0, "OUT_OF_STOCK", 5));
    levels.applied(stock("LAMP", 12, "IN_STOCK", 4));

    assertThat(levels.changes(stock("LAMP", 11, "IN_STOCK", 6))).isTrue();
  }

  @Test
  void otherSkusAndOtherVendorsAreRememberedApart() {
    levels.applied(stock("LAMP", 40, "IN_STOCK", 1));

    assertThat(levels.changes(stock("RUG", 40, "IN_STOCK", 2))).isTrue();
    assertThat(levels.changes(new StockDocument("v2", "LAMP", 40, "IN_STOCK", 2, Instant.EPOCH)))
        .isTrue();
  }

  @Test
  void afterForgettingEverythingIsWrittenAgain() {
    levels.applied(stock("LAMP", 40, "IN_STOCK", 1));
    levels.forgetAll();

    assertThat(levels.changes(stock("LAMP", 39, "IN_STOCK", 2))).isTrue();
  }

  private static StockDocument stock(String sku, int available, String level, long version) {
    return new StockDocument("v1", sku, available, level, version, Instant.EPOCH);
  }
}
