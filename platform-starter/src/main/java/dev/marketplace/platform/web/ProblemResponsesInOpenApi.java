package dev.marketplace.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Declares in every service's OpenAPI document the problems each operation can answer, so that a
 * client generated from it knows the errors: what every operation may get (400, 401, 403, 503), and
 * what follows from its shape (404 with a path parameter; 413 and 415 with a body; 412 and 428 with
 * {@code If-Match}; 409 with {@code Idempotency-Key}). An operation's own declarations stay.
 */
public class ProblemResponsesInOpenApi implements OpenApiCustomizer {

  static final String PROBLEM = "Problem";

  private static final String PROBLEM_JSON =
      org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getComponents() != null) {
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
    }
    if (openApi.getPaths() == null) {
      return;
    }
    openApi.getPaths().values().forEach(this::declare);
  }

  private void declare(PathItem path) {
    for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.readOperationsMap().entrySet()) {
      Operation operation = entry.getValue();
      List<Parameter> parameters = parametersOf(path, operation);
      add(
          operation,
          "400",
          "The request is malformed or a field is invalid (`errors` names them).");
      add(operation, "401", "The access token is missing where one is needed, invalid or expired.");
      add(operation, "403", "The access token does not grant this operation.");
      if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
        add(operation, "404", "Nothing at this path, or it belongs to someone else.");
      }
      if (operation.getRequestBody() != null) {
        add(operation, "413", "The body is larger than the limit.");
        add(operation, "415", "The body is not JSON.");
      }
      if (hasHeader(parameters, "If-Match")) {
        add(operation, "412", "The resource changed since the version in If-Match.");
        add(operation, "428", "If-Match is required.");
      }
      if (hasHeader(parameters, "Idempotency-Key")) {
        add(
            operation,
            "409",
            "The Idempotency-Key was used for a different request, or the resource's state does"
                + " not allow this.");
      }
      add(
          operation,
          "503",
          "A store the service depends on did not answer, or the service sheds load; nothing was"
              + " changed. Retry after Retry-After.");
    }
  }

  private static List<Parameter> parametersOf(PathItem path, Operation operation) {
    List<Parameter> all = new java.util.ArrayList<>();
    if (path.getParameters() != null) {
      all.addAll(path.getParameters());
    }
    if (operation.getParameters() != null) {
      all.addAll(operation.getParameters());
    }
    return all;
  }

  private static boolean hasHeader(List<Parameter> parameters, String name) {
    return parameters.stream()
        .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
  }

  private static void add(Operation operation, String status, String description) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    if (operation.getResponses().containsKey(status)) {
      return;
    }
    operation
        .getResponses()
        .addApiResponse(
            status,
            new ApiResponse()
                .description(description)
                .content(
                    new Content()
                        .addMediaType(
                            PROBLEM_JSON,
                            new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
  }

  private static Schema<?> problemSchema() {
    ObjectSchema fieldError = new ObjectSchema();
    fieldError.addProperty("field", new StringSchema().description("The field or parameter"));
    fieldError.addProperty("message", new StringSchema().description("What is wrong with it"));
    ObjectSchema problem = new ObjectSchema();
    problem.description("An RFC 9457 problem: every error of the marketplace's APIs.");
    problem.addProperty(
        "type", new StringSchema().format("uri").description("Stable kind of error"));
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema());
    problem.addProperty("detail", new StringSchema());
    problem.addProperty("instance", new StringSchema().format("uri"));
    problem.addProperty(
        "errors",
        new ArraySchema()
            .items(fieldError)
            .description("The invalid fields, for validation errors"));
    problem.setRequired(List.of("type", "title", "status"));
    return problem;
  }
}
