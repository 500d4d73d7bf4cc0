package dev.marketplace.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.Event;
import dev.marketplace.events.Outgoing;
import dev.marketplace.events.order.OrderStatusChangedV1;
import dev.marketplace.order.saga.Participant;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The saga's test language: given an order, when a reply arrives (or someone acts), expect these
 * commands and this status.
 *
 * <pre>{@code
 * given(authorising)
 *     .when(paymentFailed(order, DECLINED))
 *     .expectCommand(Topics.INVENTORY_COMMANDS, ReleaseStockV1.class)
 *     .expectStatus(CANCELLING);
 * }</pre>
 *
 * Commands are what goes to a participant's command topic; everything else the order records (its
 * status, the order as placed) is an event: {@link #expectEvents} and {@link #expectAnnounced}
 * check those, and the command expectations ignore them.
 */
public final class SagaScenario {

  private final Order order;
  private Instant now;
  private List<Outgoing> sent = List.of();
  private boolean applied;

  private SagaScenario(Order order, Instant now) {
    this.order = order;
    this.now = now;
  }

  /** The order as it is; what it caused so far is behind it. */
  public static SagaScenario given(Order order, Instant now) {
    order.takeRecorded();
    return new SagaScenario(order, now);
  }

  /** Time passes before the next {@code when}. */
  public SagaScenario at(Instant later) {
    this.now = later;
    return this;
  }

  /** A reply reaches the order. */
  public SagaScenario when(Event reply) {
    applied = order.reply(reply, now);
    sent = order.takeRecorded();
    return this;
  }

  /** Someone acts on the order (a shopper cancels, a vendor ships, a deadline is checked). */
  public SagaScenario when(Consumer<Order> action) {
    action.accept(order);
    applied = true;
    sent = order.takeRecorded();
    return this;
  }

  /** Exactly one command of this type went to this topic; {@code check} looks at it. */
  public <T extends Event> SagaScenario expectCommand(
      String topic, Class<T> type, Consumer<T> check) {
    List<Outgoing> matching = sent.stream().filter(m -> type.isInstance(m.payload())).toList();
    assertThat(matching).as("%s sent", type.getSimpleName()).hasSize(1);
    assertThat(matching.getFirst().topic()).isEqualTo(topic);
    check.accept(type.cast(matching.getFirst().payload()));
    return this;
  }

  public <T extends Event> SagaScenario expectCommand(String topic, Class<T> type) {
    return expectCommand(topic, type, command -> {});
  }

  /** The commands sent, by type, in order; status announcements aside. */
  public SagaScenario expectCommands(Class<?>... types) {
    assertThat(commands().stream().<Class<?>>map(Object::getClass).toList())
        .isEqualTo(List.of(types));
    return this;
  }

  /** The events recorded (not commands), by type, in order. */
  public SagaScenario expectEvents(Class<?>... types) {
    assertThat(events().stream().<Class<?>>map(Object::getClass).toList())
        .isEqualTo(List.of(types));
    return this;
  }

  public SagaScenario expectNoCommand() {
    assertThat(commands()).isEmpty();
    return this;
  }

  /** The reply was not for this state (a duplicate, a stale or a late one): nothing happened. */
  public SagaScenario expectIgnored() {
    assertThat(applied).as("the reply applied").isFalse();
    assertThat(sent).isEmpty();
    return this;
  }

  public SagaScenario expectStatus(OrderStatus status) {
    assertThat(order.status()).isEqualTo(status);
    return this;
  }

  /** The statuses announced on the order topic, in order. */
  public SagaScenario expectAnnounced(String... statuses) {
    assertThat(
            sent.stream()
                .map(Outgoing::payload)
                .filter(OrderStatusChangedV1.class::isInstance)
                .map(e -> ((OrderStatusChangedV1) e).status())
                .toList())
        .containsExactly(statuses);
    return this;
  }

  public SagaScenario expectCancelReason(String contained) {
    assertThat(order.cancelReason()).contains(contained);
    return this;
  }

  public Order order() {
    return order;
  }

  private List<Event> commands() {
    return sent.stream().filter(SagaScenario::isCommand).map(Outgoing::payload).toList();
  }

  private List<Event> events() {
    return sent.stream().filter(m -> !isCommand(m)).map(Outgoing::payload).toList();
  }

  private static boolean isCommand(Outgoing message) {
    return Arrays.stream(Participant.values())
        .anyMatch(p -> p.commandTopic().equals(message.topic()));
  }
}
