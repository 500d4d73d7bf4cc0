package dev.marketplace.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes sure the alias and its index exist before the Kafka listener starts writing: writing to a
 * missing alias would let the engine auto-create an index without our mapping.
 */
@Component
class IndexInitializer implements SmartInitializingSingleton {

  private final ProductIndex index;

  IndexInitializer(ProductIndex index) {
    this.index = index;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      index.ensureExists();
    } catch (IOException e) {
      throw new UncheckedIOException("the search engine is not reachable", e);
    }
  }
}
