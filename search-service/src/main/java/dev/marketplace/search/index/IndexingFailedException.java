package dev.marketplace.search.index;

/** The engine refused a write for a reason other than a newer version being present; retried. */
public class IndexingFailedException extends RuntimeException {

  public IndexingFailedException(String message) {
    super(message);
  }
}
