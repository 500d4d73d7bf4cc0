package dev.marketplace.catalog.product;

import dev.marketplace.platform.web.PreconditionFailedException;
import org.jspecify.annotations.Nullable;

/** Product versions as HTTP entity tags: {@code "7"} (weak tags {@code W/"7"} are accepted too). */
final class EntityTags {

  private EntityTags() {}

  static String of(long version) {
    return "\"" + version + "\"";
  }

  /** The version an If-Match header names, or null when there is none (or it is {@code *}). */
  static @Nullable Long parse(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new PreconditionFailedException(
          "If-Match " + ifMatch + " names no version of this product.");
    }
  }
}
