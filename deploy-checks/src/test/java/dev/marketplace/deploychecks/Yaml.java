package dev.marketplace.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * YAML to JSON trees. SnakeYAML parses (it resolves anchors and {@code <<} merge keys, which
 * docker-compose.yml uses and Jackson's YAML parser does not), Jackson holds the result.
 */
final class Yaml {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private Yaml() {}

  static List<JsonNode> documents(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    for (Object document : parser().loadAll(yaml)) {
      if (document != null) {
        documents.add(JSON.valueToTree(document));
      }
    }
    return documents;
  }

  static JsonNode read(Path file) {
    List<JsonNode> documents = documents(text(file));
    if (documents.size() != 1) {
      throw new AssertionError(file + " should hold one YAML document, has " + documents.size());
    }
    return documents.getFirst();
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static org.yaml.snakeyaml.Yaml parser() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new org.yaml.snakeyaml.Yaml(options);
  }
}
