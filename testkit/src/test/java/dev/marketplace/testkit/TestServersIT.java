package dev.marketplace.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Each server really starts, answers its own protocol, and keeps test classes' data apart. */
class TestServersIT {

  @Test
  void postgresGivesEachNamespaceItsOwnDatabase() throws Exception {
    TestNamespace first = TestNamespace.forClass(TestServersIT.class);
    TestNamespace second = TestNamespace.forClass(TestServersIT.class);
    String firstUrl = PostgresTestServer.createDatabase(first);
    String secondUrl = PostgresTestServer.createDatabase(second);

    try (Connection a = connect(firstUrl);
        Statement statement = a.createStatement()) {
      statement.execute("CREATE TABLE note (text varchar(20))");
      statement.execute("INSERT INTO note VALUES ('only in first')");
    }
    try (Connection b = connect(secondUrl);
        ResultSet tables =
            b.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'note'")) {
      tables.next();
      assertThat(tables.getInt(1)).isZero();
    }
  }

  @Test
  void kafkaDeliversWhatWasProduced() {
    String topic = TestNamespace.forClass(TestServersIT.class).name() + ".greetings";
    Map<String, Object> producerConfig =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestServer.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
      producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    Map<String, Object> consumerConfig =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaTestServer.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            topic,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
      consumer.subscribe(List.of(topic));
      ConsumerRecords<String, String> records = ConsumerRecords.empty();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.isEmpty() && System.nanoTime() < deadline) {
        records = consumer.poll(Duration.ofMillis(500));
      }
      assertThat(records).extracting(r -> r.value()).containsExactly("hello");
    }
  }

  @Test
  void mongoStoresDocumentsPerNamespace() {
    TestNamespace namespace = TestNamespace.forClass(TestServersIT.class);
    try (MongoClient client = MongoClients.create(MongoTestServer.uri(namespace))) {
      var products = client.getDatabase(namespace.identifier()).getCollection("products");
      products.insertOne(new Document("_id", "p1").append("name", "Lamp"));
      assertThat(products.find(new Document("_id", "p1")).first()).containsEntry("name", "Lamp");
      assertThat(client.getDatabase("other").getCollection("products").countDocuments()).isZero();
    }
  }

  @Test
  void redisAnswersCommands() {
    RedisClient client =
        RedisClient.create("redis://" + RedisTestServer.host() + ":" + RedisTestServer.port());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.sync().set("cart:1", "2 lamps");
      assertThat(connection.sync().get("cart:1")).isEqualTo("2 lamps");
    } finally {
      client.shutdown();
    }
  }

  @Test
  void searchEngineIndexesAndFindsADocument() throws Exception {
    String index = TestNamespace.forClass(TestServersIT.class).name() + "-things";
    HttpClient http = HttpClient.newHttpClient();
    String base = SearchTestServer.url();
    send(http, "PUT", base + "/" + index, "{}");
    send(
        http, "PUT", base + "/" + index + "/_doc/1?refresh=true", "{\"name\":\"brass desk lamp\"}");

    HttpResponse<String> found =
        send(
            http,
            "POST",
            base + "/" + index + "/_search",
            "{\"query\":{\"match\":{\"name\":\"lamp\"}}}");

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).contains("brass desk lamp");
  }

  private static HttpResponse<String> send(HttpClient http, String method, String url, String json)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + url + ": " + response.body())
        .isLessThan(300);
    return response;
  }

  private static Connection connect(String url) throws Exception {
    return DriverManager.getConnection(
        url, PostgresTestServer.user(), PostgresTestServer.password());
  }
}
