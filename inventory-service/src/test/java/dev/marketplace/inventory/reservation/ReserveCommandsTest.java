package dev.marketplace.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.events.MalformedEventException;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.StockLine;
import dev.marketplace.inventory.stock.SkuKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReserveCommandsTest {

  @Test
  void linesOfOneVendorSkuAreAddedUp() {
    var command =
        new ReserveStockV1(
            "order-1",
            List.of(
                new StockLine("LAMP", "vendor-1", 2),
                new StockLine("CHAIR", "vendor-2", 1),
                new StockLine("LAMP", "vendor-1", 3),
                new StockLine("LAMP", "vendor-3", 1)),
            Instant.now());

    assertThat(ReserveCommands.demands(command))
        .containsExactly(
            new Demand(new SkuKey("vendor-1", "LAMP"), 5),
            new Demand(new SkuKey("vendor-2", "CHAIR"), 1),
            new Demand(new SkuKey("vendor-3", "LAMP"), 1));
  }

  @Test
  void aCommandThatCannotBeExecutedIsMalformed() {
    assertThatThrownBy(
            () -> ReserveCommands.demands(new ReserveStockV1("order-1", List.of(), Instant.now())))
        .isInstanceOf(MalformedEventException.class);
    assertThatThrownBy(
            () ->
                ReserveCommands.demands(
                    new ReserveStockV1(
                        "order-1", List.of(new StockLine("LAMP", "vendor-1", 0)), Instant.now())))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("lines[0].quantity");
    assertThatThrownBy(
            () ->
                ReserveCommands.demands(
                    new ReserveStockV1(
                        "order-1", List.of(new StockLine(" ", "vendor-1", 1)), Instant.now())))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("lines[0].sku");
  }
}
