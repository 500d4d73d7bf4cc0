package dev.marketplace.events;

/** A stable event name and the version of its payload shape. */
public record EventType(String name, int version) {

  @Override
  public String toString() {
    return name + ".v" + version;
  }
}
