package dev.marketplace.gateway.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.ResponseStatusException;

class ErrorProblemsTest {

  @Test
  void aServiceThatCannotBeReachedIs503() {
    assertThat(kind(new UpstreamCallException(new ConnectException("Connection refused"))))
        .isEqualTo("503 service-unavailable");
  }

  @Test
  void anOpenCircuitIs503() {
    CallNotPermittedException open =
        CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"));
    assertThat(kind(open)).isEqualTo("503 service-unavailable");
    assertThat(kind(new ServiceUnavailableException())).isEqualTo("503 service-unavailable");
  }

  @Test
  void aServiceThatIsTooSlowIs504() {
    assertThat(
            kind(
                new UpstreamCallException(
                    new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "took too long"))))
        .isEqualTo("504 gateway-timeout");
    assertThat(kind(new UpstreamCallException(ReadTimeoutException.INSTANCE)))
        .isEqualTo("504 gateway-timeout");
  }

  @Test
  void anythingElseGoingWrongInTheCallIs502() {
    assertThat(
            kind(new UpstreamCallException(new IllegalArgumentException("invalid version format"))))
        .isEqualTo("502 bad-gateway");
  }

  @Test
  void theSameErrorOutsideTheCallIsTheGatewaysOwn500() {
    assertThat(kind(new IllegalArgumentException("a bug"))).isEqualTo("500 internal");
  }

  @Test
  void anOversizedBodyIs413EvenWhenItEndedTheCall() {
    assertThat(kind(new UpstreamCallException(new PayloadTooLargeException(1024))))
        .isEqualTo("413 payload-too-large");
  }

  @Test
  void aRefusalByTheRateLimiterIs429() {
    HttpClientErrorException refused =
        HttpClientErrorException.create(
            HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", new HttpHeaders(), null, null);
    assertThat(kind(refused)).isEqualTo("429 too-many-requests");
  }

  @Test
  void tokensThatCannotBeCheckedAre503() {
    assertThat(kind(new AuthenticationServiceException("keys unavailable")))
        .isEqualTo("503 service-unavailable");
  }

  @Test
  void frameworkErrorsKeepTheirStatusWithAStableType() {
    assertThat(kind(new ResponseStatusException(HttpStatus.NOT_FOUND))).isEqualTo("404 not-found");
    assertThat(kind(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED)))
        .isEqualTo("405 method-not-allowed");
    assertThat(kind(new ResponseStatusException(HttpStatus.BAD_REQUEST)))
        .isEqualTo("400 malformed-request");
  }

  private static String kind(Throwable error) {
    Problem problem = ErrorProblems.of(error);
    String type = problem.type().toString();
    return problem.status().value() + " " + type.substring(type.lastIndexOf('/') + 1);
  }
}
