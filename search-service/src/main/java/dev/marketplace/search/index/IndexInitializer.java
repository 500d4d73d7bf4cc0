package dev.marketplace.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes sure the product alias and its index, and the stock index, exist before the Kafka listeners
 * start writing: writing to a missing index would let the engine auto-create one without our
 * mapping.
 */
@Component
class IndexInitializer implements SmartInitializingSingleton {

  private final ProductIndex index;
  private final StockIndex stock;

  IndexInitializer(ProductIndex index, StockIndex stock) {
    this.index = index;
    this.stock = stock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      stock.ensureExists();
      index.ensureExists();
    } catch (IOException e) {
      throw new UncheckedIOException("the search engine is not reachable", e);
    }
  }
}
