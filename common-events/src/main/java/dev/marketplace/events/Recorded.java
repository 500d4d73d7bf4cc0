package dev.marketplace.events;

import java.util.ArrayList;
import java.util.List;

/**
 * What an aggregate's changes caused since it was loaded, in order: the one way every aggregate
 * records its consequences. The aggregate adds to it inside its transitions (domain code, no
 * framework); whoever saves the aggregate takes them in the same transaction, to the outbox (for
 * {@link Outgoing} messages) or to the ledger. Taking empties it, so nothing is handled twice.
 *
 * @param <T> what the aggregate causes: {@link Outgoing} messages, or a service's own domain events
 */
public final class Recorded<T> {

  private final List<T> items = new ArrayList<>();

  public void add(T item) {
    items.add(item);
  }

  /** Everything recorded since the last take, oldest first; the record is empty afterwards. */
  public List<T> take() {
    List<T> taken = List.copyOf(items);
    items.clear();
    return taken;
  }
}
