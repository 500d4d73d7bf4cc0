package dev.marketplace.order.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's own rules, on a two-state saga: a light that is switched on and confirms it. */
class SagaDefinitionTest {

  private enum State {
    SWITCHING,
    ON
  }

  private record Confirmed() {}

  private record Unrelated() {}

  private static final class Light {
    State state = State.SWITCHING;
    final List<String> log = new ArrayList<>();
  }

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  private final SagaDefinition<Light, State> saga =
      SagaDefinition.of(State.class, (Light light) -> light.state)
          .in(State.SWITCHING)
          .waitsFor(Participant.INVENTORY)
          .waitsFor(Participant.PAYMENT, light -> light.log.isEmpty())
          .resending(light -> light.log.add("resent"))
          .givingUp((light, reason, now) -> light.log.add("gave up: " + reason))
          .on(Confirmed.class, (light, reply, now) -> light.state = State.ON)
          .allows(Action.PRESS)
          .in(State.ON)
          .build();

  private enum Action {
    PRESS
  }

  @Test
  void aReplyAppliesOnlyInAStateThatTakesIt() {
    Light light = new Light();

    assertThat(saga.apply(light, new Unrelated(), NOW)).isFalse();
    assertThat(saga.apply(light, new Confirmed(), NOW)).isTrue();
    assertThat(light.state).isEqualTo(State.ON);
    assertThat(saga.apply(light, new Confirmed(), NOW)).as("a repeat once ON").isFalse();
    assertThat(saga.takes(Confirmed.class)).isTrue();
    assertThat(saga.takes(Unrelated.class)).isFalse();
  }

  @Test
  void theParticipantsAwaitedFollowTheirConditions() {
    Light light = new Light();
    assertThat(saga.awaited(light)).containsExactly(Participant.INVENTORY, Participant.PAYMENT);

    saga.resend(light);

    assertThat(light.log).containsExactly("resent");
    assertThat(saga.awaited(light)).containsExactly(Participant.INVENTORY);
    assertThat(saga.giveUp(light, "no answer", NOW)).isTrue();
    assertThat(light.log).endsWith("gave up: no answer");
  }

  @Test
  void aStateWithoutRowsWaitsForNothingAllowsNothingAndCannotGiveUp() {
    Light light = new Light();
    light.state = State.ON;

    assertThat(saga.waits(State.ON)).isFalse();
    assertThat(saga.waits(State.SWITCHING)).isTrue();
    assertThat(saga.awaited(light)).isEmpty();
    assertThat(saga.allows(State.ON, Action.PRESS)).isFalse();
    assertThat(saga.allows(State.SWITCHING, Action.PRESS)).isTrue();
    assertThat(saga.giveUp(light, "no answer", NOW)).isFalse();
    assertThatThrownBy(() -> saga.resend(light)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTableThatContradictsItselfIsRefusedWhenBuilt() {
    assertThatThrownBy(
            () ->
                SagaDefinition.of(State.class, (Light light) -> light.state)
                    .in(State.ON)
                    .in(State.ON))
        .hasMessageContaining("ON is described twice");
    assertThatThrownBy(
            () ->
                SagaDefinition.of(State.class, (Light light) -> light.state)
                    .in(State.ON)
                    .on(Confirmed.class, (light, reply, now) -> {})
                    .on(Confirmed.class, (light, reply, now) -> {}))
        .hasMessageContaining("takes Confirmed twice");
    assertThatThrownBy(
            () ->
                SagaDefinition.of(State.class, (Light light) -> light.state)
                    .in(State.SWITCHING)
                    .waitsFor(Participant.INVENTORY)
                    .build())
        .hasMessageContaining("needs what to resend");
  }
}
