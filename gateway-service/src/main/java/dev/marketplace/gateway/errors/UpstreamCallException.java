package dev.marketplace.gateway.errors;

/**
 * Marks an error as raised while calling a service (connecting, sending, waiting, reading its
 * answer), as opposed to one in the gateway's own code, so it can become 502/503/504 rather than
 * 500.
 */
public class UpstreamCallException extends RuntimeException {

  public UpstreamCallException(Throwable cause) {
    super(cause.toString(), cause);
  }
}
