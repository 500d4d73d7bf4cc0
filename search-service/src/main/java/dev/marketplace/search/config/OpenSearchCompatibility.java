package dev.marketplace.search.config;

import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;

/**
 * Lets the official Elasticsearch client talk to OpenSearch, which tests and the local stack use
 * because no Elasticsearch 9 node runs without Docker. Two differences matter: the client sends
 * Elasticsearch's versioned media type ({@code application/vnd.elasticsearch+json;
 * compatible-with=9}), which OpenSearch does not know, and it refuses responses without the {@code
 * X-Elastic-Product} header.
 */
class OpenSearchCompatibility implements Rest5ClientBuilderCustomizer {

  private static final String ELASTIC_MEDIA_TYPE = "application/vnd.elasticsearch+";

  @Override
  public void customize(Rest5ClientBuilder builder) {}

  @Override
  public void customize(HttpAsyncClientBuilder builder) {
    builder.addRequestInterceptorLast(
        (request, entity, context) -> {
          plainJson(request, HttpHeaders.ACCEPT);
          plainJson(request, HttpHeaders.CONTENT_TYPE);
        });
    builder.addResponseInterceptorFirst(
        (response, entity, context) -> {
          if (!response.containsHeader("X-Elastic-Product")) {
            response.addHeader("X-Elastic-Product", "Elasticsearch");
          }
        });
  }

  private static void plainJson(HttpRequest request, String name) {
    for (Header header : request.getHeaders(name)) {
      String value = header.getValue();
      if (value.startsWith(ELASTIC_MEDIA_TYPE)) {
        // application/vnd.elasticsearch+x-ndjson; compatible-with=9 -> application/x-ndjson
        String subtype = value.substring(ELASTIC_MEDIA_TYPE.length()).split(";")[0].trim();
        request.setHeader(name, "application/" + subtype);
      }
    }
  }
}
