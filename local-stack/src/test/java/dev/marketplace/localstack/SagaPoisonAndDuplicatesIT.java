package dev.marketplace.localstack;

import static dev.marketplace.localstack.Shop.APPROVE;
import static dev.marketplace.localstack.Shop.DECLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.MalformedEventException;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.ReleaseStockV1;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Records the saga's services must survive, written straight to their topics in the shared stack:
 * malformed commands and replies, and replies delivered again.
 */
class SagaPoisonAndDuplicatesIT {

  /** order-service's consumer group for inventory's and payment's replies. */
  private static final String ORDER_SAGA_GROUP = "order-service-saga";

  private static final String DLT_ORIGINAL_TOPIC = "kafka_dlt-original-topic";
  private static final String DLT_EXCEPTION_CAUSE = "kafka_dlt-exception-cause-fqcn";

  private static Shop shop;
  private static KafkaProducer<String, String> producer;

  @BeforeAll
  static void start() {
    shop = Shop.open("Saga messages vendor");
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                shop.stack().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
  }

  @AfterAll
  static void stop() {
    producer.close();
  }

  /**
   * Every partition of each saga topic gets a malformed record before an order is placed, so the
   * order's commands and replies queue behind one wherever they land. Unreadable text and readable
   * events that cannot be executed (a reservation without lines, an authorisation of 0, a reply for
   * an order id that is no order id) each end up on {@code <topic>.dlt}, unchanged.
   */
  @Test
  void malformedCommandsAndRepliesAreDeadLetteredAndOtherOrdersStillCompleteTheSaga()
      throws Exception {
    Map<String, ProducerRecord<String, String>> poison = new LinkedHashMap<>();
    for (String topic :
        List.of(
            Topics.INVENTORY_COMMANDS,
            Topics.PAYMENT_COMMANDS,
            Topics.INVENTORY_REPLIES,
            Topics.PAYMENT_REPLIES)) {
      int partitions = producer.partitionsFor(topic).size();
      for (int partition = 0; partition < partitions; partition++) {
        String key = "poison-" + UUID.randomUUID();
        String value = partition % 2 == 0 ? "{\"not\": \"an event" : unexecutable(topic, key);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, key, value);
        producer.send(record).get();
        poison.put(key, record);
      }
    }

    String sku = shop.productInStock(5);
    Shop.Shopper buyer = shop.shopperWithCard(APPROVE);
    String orderId = shop.checkout(buyer, sku, 1);
    shop.awaitStatus(buyer, orderId, "CONFIRMED");

    for (String topic : poison.values().stream().map(ProducerRecord::topic).distinct().toList()) {
      Map<String, String> sent = new LinkedHashMap<>();
      poison.forEach(
          (key, record) -> {
            if (record.topic().equals(topic)) {
              sent.put(key, record.value());
            }
          });
      List<ConsumerRecord<String, String>> deadLetters =
          read(topic + Topics.DEAD_LETTER_SUFFIX, sent.keySet(), Duration.ofSeconds(60));
      assertThat(deadLetters).extracting(ConsumerRecord::key).containsAll(sent.keySet());
      for (ConsumerRecord<String, String> letter : deadLetters) {
        if (sent.containsKey(letter.key())) {
          assertThat(letter.value()).isEqualTo(sent.get(letter.key()));
          assertThat(header(letter, DLT_ORIGINAL_TOPIC)).isEqualTo(topic);
          // Malformed: dead-lettered at once, without the retries meant for passing failures.
          assertThat(header(letter, DLT_EXCEPTION_CAUSE))
              .as(header(letter, "kafka_dlt-exception-message"))
              .isEqualTo(MalformedEventException.class.getName());
        }
      }
    }
  }

  /**
   * Each reply the saga acted on is delivered again twice: the very same record (a consumer that
   * crashed before committing its offset, an outbox resend) and the same reply in a new envelope (a
   * participant answering a re-sent command from its state). Once order-service has consumed them,
   * both orders read exactly as before and no command was sent again.
   */
  @Test
  void aRedeliveredReplyChangesNothing() throws Exception {
    String sku = shop.productInStock(5);
    Shop.Shopper payer = shop.shopperWithCard(APPROVE);
    Shop.Shopper declined = shop.shopperWithCard(DECLINE);
    String confirmed = shop.checkout(payer, sku, 1);
    String cancelled = shop.checkout(declined, sku, 1);
    shop.awaitStatus(payer, confirmed, "CONFIRMED");
    shop.awaitStatus(declined, cancelled, "CANCELLED");
    JsonNode confirmedBefore = shop.order(payer, confirmed);
    JsonNode cancelledBefore = shop.order(declined, cancelled);
    Set<String> orders = Set.of(confirmed, cancelled);

    // StockReserved twice and StockReleased; PaymentAuthorized and PaymentFailed.
    List<ConsumerRecord<String, String>> replies = new ArrayList<>();
    replies.addAll(readAtLeast(Topics.INVENTORY_REPLIES, orders, 3));
    replies.addAll(readAtLeast(Topics.PAYMENT_REPLIES, orders, 2));
    List<RecordMetadata> redelivered = new ArrayList<>();
    for (ConsumerRecord<String, String> reply : replies) {
      redelivered.add(
          producer
              .send(
                  new ProducerRecord<>(
                      reply.topic(), null, reply.key(), reply.value(), reply.headers()))
              .get());
      Event payload = EventJson.read(reply.value()).payload();
      redelivered.add(
          producer
              .send(
                  new ProducerRecord<>(
                      reply.topic(),
                      reply.key(),
                      EventJson.write(EventEnvelope.of("test", Instant.now(), null, payload))))
              .get());
    }
    awaitConsumedBy(ORDER_SAGA_GROUP, redelivered);
    // Anything a redelivery caused is in order-service's outbox by now; once that has no entry
    // for the orders left, every command it might have caused is on its topic.
    ServiceDatabase orderDatabase = new ServiceDatabase(shop.stack(), "order");
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                orderDatabase.count(
                        "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ANY(?)",
                        orders.stream().map(id -> "%" + id + "%").toList())
                    == 0);

    assertThat(shop.order(payer, confirmed)).isEqualTo(confirmedBefore);
    assertThat(shop.order(declined, cancelled)).isEqualTo(cancelledBefore);
    List<Event> paymentCommands = commands(Topics.PAYMENT_COMMANDS, orders);
    assertThat(paymentCommands)
        .filteredOn(AuthorizePaymentV1.class::isInstance)
        .extracting(c -> ((AuthorizePaymentV1) c).orderId())
        .containsExactlyInAnyOrder(confirmed, cancelled);
    assertThat(paymentCommands).hasSize(2);
    List<Event> inventoryCommands = commands(Topics.INVENTORY_COMMANDS, orders);
    assertThat(inventoryCommands)
        .filteredOn(ReserveStockV1.class::isInstance)
        .extracting(c -> ((ReserveStockV1) c).orderId())
        .containsExactlyInAnyOrder(confirmed, cancelled);
    assertThat(inventoryCommands)
        .filteredOn(ReleaseStockV1.class::isInstance)
        .extracting(c -> ((ReleaseStockV1) c).orderId())
        .containsExactly(cancelled);
    assertThat(inventoryCommands).hasSize(3);
    PaymentRecords payments = new PaymentRecords(shop.stack());
    assertThat(payments.of(orders))
        .allSatisfy((order, payment) -> assertThat(payment.providerCalls()).isOne());
    assertThat(payments.providerAuthorizations(orders)).isOne();
    JsonNode stock = shop.stock(sku);
    assertThat(stock.path("reserved").asInt()).isOne();
    assertThat(stock.path("available").asInt()).isEqualTo(4);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null
        ? "(no " + name + ")"
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** A readable event for the topic that its consumer can never execute. */
  private static String unexecutable(String topic, String key) {
    Event event =
        switch (topic) {
          case Topics.INVENTORY_COMMANDS ->
              new ReserveStockV1(key, List.of(), Instant.now().plusSeconds(3600));
          case Topics.PAYMENT_COMMANDS -> new AuthorizePaymentV1(key, "someone", "pm_1", 0, "EUR");
          default -> new StockReservedV1(key, Instant.now().plusSeconds(3600));
        };
    return EventJson.write(EventEnvelope.of("test", Instant.now(), null, event));
  }

  private List<ConsumerRecord<String, String>> read(
      String topic, Set<String> keys, Duration timeout) {
    try (TopicReader reader = new TopicReader(shop.stack().kafkaBootstrapServers(), topic)) {
      return reader
          .readUntil(
              records ->
                  records.stream()
                          .map(ConsumerRecord::key)
                          .filter(keys::contains)
                          .distinct()
                          .count()
                      == keys.size(),
              timeout)
          .stream()
          .filter(r -> keys.contains(r.key()))
          .toList();
    }
  }

  /** At least {@code count} records of the keys (an outbox may have sent one twice: fine). */
  private List<ConsumerRecord<String, String>> readAtLeast(
      String topic, Set<String> keys, int count) {
    try (TopicReader reader = new TopicReader(shop.stack().kafkaBootstrapServers(), topic)) {
      List<ConsumerRecord<String, String>> records =
          reader
              .readUntil(
                  all -> all.stream().filter(r -> keys.contains(r.key())).count() >= count,
                  Duration.ofSeconds(30))
              .stream()
              .filter(r -> keys.contains(r.key()))
              .toList();
      assertThat(records).as("replies on " + topic).hasSizeGreaterThanOrEqualTo(count);
      return records;
    }
  }

  /**
   * The commands sent for the orders, read to the end of the topic; each once (a command the outbox
   * sent twice has one envelope id, and is one command).
   */
  private List<Event> commands(String topic, Set<String> orders) {
    try (AdminClient admin = admin()) {
      Map<TopicPartition, Long> ends = endOffsets(admin, topic);
      try (TopicReader reader = new TopicReader(shop.stack().kafkaBootstrapServers(), topic)) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        Map<UUID, Event> commands = new LinkedHashMap<>();
        reader
            .readUntil(
                records -> {
                  records.forEach(
                      r ->
                          positions.merge(
                              new TopicPartition(r.topic(), r.partition()),
                              r.offset() + 1,
                              Math::max));
                  return ends.entrySet().stream()
                      .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
                },
                Duration.ofSeconds(30))
            .stream()
            .filter(r -> orders.contains(r.key()))
            .map(r -> EventJson.read(r.value()))
            .forEach(command -> commands.putIfAbsent(command.id(), command.payload()));
        return List.copyOf(commands.values());
      }
    }
  }

  /** Waits until the group has committed offsets past every one of the records. */
  private void awaitConsumedBy(String group, List<RecordMetadata> records) {
    try (AdminClient admin = admin()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                return records.stream()
                    .allMatch(
                        r -> {
                          OffsetAndMetadata offset =
                              committed.get(new TopicPartition(r.topic(), r.partition()));
                          return offset != null && offset.offset() > r.offset();
                        });
              });
    }
  }

  private Map<TopicPartition, Long> endOffsets(AdminClient admin, String topic) {
    try {
      int partitions = producer.partitionsFor(topic).size();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach((partition, info) -> ends.put(partition, info.offset()));
      return ends;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private AdminClient admin() {
    return AdminClient.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shop.stack().kafkaBootstrapServers()));
  }
}
