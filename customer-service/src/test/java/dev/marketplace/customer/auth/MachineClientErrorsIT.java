package dev.marketplace.customer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.customer.CustomerIntegrationTest;
import dev.marketplace.testkit.ApiClient.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A machine client without credentials is told so as RFC 6749 says, never sent to a login page. */
class MachineClientErrorsIT extends CustomerIntegrationTest {

  @ParameterizedTest
  @ValueSource(strings = {"/oauth2/token", "/oauth2/revoke", "/oauth2/introspect"})
  void anEndpointForClientsWithoutCredentialsAnswers401InvalidClient(String endpoint) {
    Response response =
        anonymous()
            .withHeader("Accept", "*/*")
            .send(
                "POST",
                endpoint,
                "grant_type=client_credentials&token=x",
                "application/x-www-form-urlencoded");

    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.json().path("error").asString()).isEqualTo("invalid_client");
    assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(response.header("Location")).isNull();
  }
}
