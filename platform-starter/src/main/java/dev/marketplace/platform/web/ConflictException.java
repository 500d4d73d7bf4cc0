package dev.marketplace.platform.web;

/** The request conflicts with the resource's current state, e.g. an illegal status change (409). */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
