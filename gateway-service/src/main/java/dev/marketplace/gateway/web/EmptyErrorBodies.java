package dev.marketplace.gateway.web;

import dev.marketplace.gateway.errors.Problem;
import dev.marketplace.gateway.errors.ProblemTypes;
import dev.marketplace.gateway.errors.ProblemWriter;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Gives a problem body to any error the gateway would answer with an empty one. Reactor Netty
 * refuses a request it cannot decode (a URL or headers over the limit, a malformed request line)
 * before Spring sees it, with an empty 4xx; a client still deserves to be told what is wrong.
 * Installed next to the HTTP codec of every connection, it sees every response on its way out.
 */
public final class EmptyErrorBodies extends ChannelDuplexHandler {

  private final ProblemWriter problems;

  /** Whether each request read and not yet answered is a HEAD, oldest first (pipelining). */
  private final Deque<Boolean> heads = new ArrayDeque<>();

  /** Whether the response being written answers a HEAD. */
  private boolean headResponse;

  /** A non-full error response announced an empty body: its last content gets one. */
  private byte @Nullable [] pendingBody;

  public EmptyErrorBodies(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      heads.add(HttpMethod.HEAD.equals(request.method()));
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response && response.status().code() >= 200) {
      // A final response (not 100 Continue) answers the oldest request still waiting.
      Boolean head = heads.poll();
      headResponse = head != null && head;
    }
    if (msg instanceof FullHttpResponse full && needsBody(full) && !full.content().isReadable()) {
      byte[] body = problem(full.status());
      FullHttpResponse replaced = full.replace(Unpooled.wrappedBuffer(body));
      full.release();
      describe(replaced, body.length);
      ctx.write(replaced, promise);
      return;
    }
    if (!(msg instanceof FullHttpResponse)
        && msg instanceof HttpResponse response
        && needsBody(response)
        && "0".equals(response.headers().get(HttpHeaderNames.CONTENT_LENGTH))) {
      pendingBody = problem(response.status());
      describe(response, pendingBody.length);
    } else if (pendingBody != null && msg instanceof LastHttpContent last) {
      byte[] body = pendingBody;
      pendingBody = null;
      if (!last.content().isReadable()) {
        last.release();
        ctx.write(new DefaultLastHttpContent(Unpooled.wrappedBuffer(body)), promise);
        return;
      }
    }
    ctx.write(msg, promise);
  }

  private boolean needsBody(HttpResponse response) {
    return response.status().code() >= 400
        && !headResponse
        && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
  }

  private static void describe(HttpResponse response, int length) {
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
  }

  private byte[] problem(HttpResponseStatus status) {
    return problems.body(problemFor(status.code()));
  }

  static Problem problemFor(int code) {
    HttpStatus status = HttpStatus.resolve(code);
    if (status == null || status.is5xxServerError()) {
      return new Problem(
          HttpStatus.INTERNAL_SERVER_ERROR,
          ProblemTypes.INTERNAL,
          "Internal error",
          "The request could not be completed.");
    }
    return switch (status) {
      case URI_TOO_LONG ->
          new Problem(
              status,
              ProblemTypes.URI_TOO_LONG,
              "URI too long",
              "The URL is longer than the gateway accepts.");
      case REQUEST_HEADER_FIELDS_TOO_LARGE ->
          new Problem(
              status,
              ProblemTypes.HEADERS_TOO_LARGE,
              "Request headers too large",
              "The request's headers are larger, or more, than the gateway accepts.");
      case CONTENT_TOO_LARGE ->
          new Problem(
              status,
              ProblemTypes.PAYLOAD_TOO_LARGE,
              "Payload too large",
              "The request body is larger than the gateway accepts.");
      case REQUEST_TIMEOUT ->
          new Problem(
              status,
              ProblemTypes.REQUEST_TIMEOUT,
              "Request timeout",
              "The request did not arrive in time.");
      default ->
          new Problem(
              status,
              ProblemTypes.MALFORMED_REQUEST,
              "Malformed request",
              "The request is malformed: check its request line, path, headers and encoding.");
    };
  }
}
