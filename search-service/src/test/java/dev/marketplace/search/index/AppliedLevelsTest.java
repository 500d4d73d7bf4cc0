package dev.marketplace.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void writesOnlyChangesAndRemembersThemOnceWritten() throws Exception {
    levels.applied(stock("LAMP", 40, "IN_STOCK", 1));
    List<StockDocument> written = new ArrayList<>();

    int skipped =
        levels.write(
            List.of(stock("LAMP", 39, "IN_STOCK", 2), stock("RUG", 0, "OUT_OF_STOCK", 1)),
            written::addAll);

    assertThat(skipped).isOne();
    assertThat(written).extracting(StockDocument::sku).containsExactly("RUG");
    assertThat(levels.changes(stock("RUG", 0, "OUT_OF_STOCK", 2))).isFalse();
  }

  @Test
  void aFailedWriteForgetsItsSkusSoTheNextEventAtTheOldLevelRepairsThem() throws Exception {
    levels.applied(stock("LAMP", 2, "LOW_STOCK", 5));

    // The stock index took OUT_OF_STOCK, the products did not, and the batch is given up.
    assertThatThrownBy(
            () ->
                levels.write(
                    List.of(stock("LAMP", 0, "OUT_OF_STOCK", 6)),
                    changes -> {
                      throw new IOException("engine refused the product update");
                    }))
        .isInstanceOf(IOException.class);

    assertThat(levels.changes(stock("LAMP", 3, "LOW_STOCK", 7))).isTrue();
  }

  private static StockDocument stock(String sku, int available, String level, long version) {
    return new StockDocument("v1", sku, available, level, version, Instant.EPOCH);
  }
}
