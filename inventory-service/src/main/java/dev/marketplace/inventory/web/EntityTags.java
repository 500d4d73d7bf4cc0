package dev.marketplace.inventory.web;

import dev.marketplace.platform.web.PreconditionFailedException;
import dev.marketplace.platform.web.PreconditionRequiredException;
import org.jspecify.annotations.Nullable;

/** Versions as HTTP entity tags: {@code "7"} (weak tags {@code W/"7"} are accepted too). */
public final class EntityTags {

  private EntityTags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an If-Match header names. Absolute writes must say which version they replace, so a
   * missing header (or {@code *}, which names none) is refused rather than guessed.
   */
  public static long required(@Nullable String ifMatch, String what) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      throw new PreconditionRequiredException(
          "Send If-Match with the " + what + "'s current version (its ETag).");
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
          "If-Match " + ifMatch + " names no version of this " + what + ".");
    }
  }
}
