package dev.marketplace.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every hit of a sorted search, a page at a time: each page continues after the last hit's sort
 * values ({@code search_after}), so deep results cost what the first page does and a write between
 * two pages cannot make one skip or repeat a hit (given a unique sort).
 */
final class SortedPages {

  /** What a page of hits is handed to; returns a count the caller adds up. */
  @FunctionalInterface
  interface Handler<T> {
    int accept(List<Hit<T>> page) throws IOException;
  }

  private SortedPages() {}

  /**
   * Runs {@code search} (index, query, source filter and a unique sort; size and position are set
   * here) page by page and hands each non-empty page to {@code handler}.
   *
   * @return the sum of what the handler returned
   */
  static <T> int forEach(
      ElasticsearchClient client,
      int pageSize,
      UnaryOperator<SearchRequest.Builder> search,
      Class<T> type,
      Handler<T> handler)
      throws IOException {
    int total = 0;
    List<FieldValue> after = List.of();
    while (true) {
      List<FieldValue> searchAfter = after;
      List<Hit<T>> hits =
          client
              .search(
                  s -> {
                    search.apply(s).size(pageSize);
                    if (!searchAfter.isEmpty()) {
                      s.searchAfter(searchAfter);
                    }
                    return s;
                  },
                  type)
              .hits()
              .hits();
      if (!hits.isEmpty()) {
        total += handler.accept(hits);
      }
      if (hits.size() < pageSize) {
        return total;
      }
      after = hits.getLast().sort();
      if (after.isEmpty()) {
        throw new IllegalStateException("a paged search must be sorted");
      }
    }
  }
}
