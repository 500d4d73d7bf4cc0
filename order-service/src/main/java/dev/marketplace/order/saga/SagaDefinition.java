package dev.marketplace.order.saga;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A saga as one table of its states. For each state: the participants whose reply it waits for,
 * what it sends again when that reply is overdue, how it compensates when the reply never comes,
 * the replies it takes and what each does, and the actions people may take in it. A reply the
 * current state does not list is a duplicate, a stale or a late one: it changes nothing.
 *
 * <p>The aggregate keeps the state and does the work; the definition decides which work applies.
 * Written by hand: the state-machine libraries model states and triggers, not participants, resends
 * and compensations, which are what make this table readable (docs/decisions.md).
 *
 * @param <A> the aggregate (an order)
 * @param <S> its states
 */
public final class SagaDefinition<A, S extends Enum<S>> {

  /** What a reply does to the aggregate. */
  @FunctionalInterface
  public interface Reaction<A, R> {
    void apply(A aggregate, R reply, Instant now);
  }

  /** How the aggregate compensates when the replies it waits for will not come. */
  @FunctionalInterface
  public interface Compensation<A> {
    void apply(A aggregate, String reason, Instant now);
  }

  private record Wait<A>(Participant participant, Predicate<A> when) {}

  private record Step<A>(
      List<Wait<A>> waits,
      @Nullable Consumer<A> resend,
      @Nullable Compensation<A> giveUp,
      Map<Class<?>, Reaction<A, Object>> replies,
      Set<Enum<?>> actions) {}

  private final Function<A, S> stateOf;
  private final Map<S, Step<A>> steps;

  private SagaDefinition(Function<A, S> stateOf, Map<S, Step<A>> steps) {
    this.stateOf = stateOf;
    this.steps = steps;
  }

  /** Starts a definition over the aggregate's states, read with {@code stateOf}. */
  public static <A, S extends Enum<S>> Builder<A, S> of(Class<S> states, Function<A, S> stateOf) {
    return new Builder<>(states, stateOf);
  }

  /**
   * Applies the reply if the aggregate's current state takes it.
   *
   * @return whether it did; a reply the state does not list changes nothing
   */
  public boolean apply(A aggregate, Object reply, Instant now) {
    Reaction<A, Object> reaction = step(aggregate).replies().get(reply.getClass());
    if (reaction == null) {
      return false;
    }
    reaction.apply(aggregate, reply, now);
    return true;
  }

  /** Whether some state takes replies of this type; the others need no step of the saga. */
  public boolean takes(Class<?> replyType) {
    return steps.values().stream().anyMatch(step -> step.replies().containsKey(replyType));
  }

  /** Whether the state waits for a reply at all (it has a deadline). */
  public boolean waits(S state) {
    Step<A> step = steps.get(state);
    return step != null && !step.waits().isEmpty();
  }

  /** The participants whose replies the aggregate's current state waits for. */
  public Set<Participant> awaited(A aggregate) {
    Set<Participant> awaited = new LinkedHashSet<>();
    for (Wait<A> wait : step(aggregate).waits()) {
      if (wait.when().test(aggregate)) {
        awaited.add(wait.participant());
      }
    }
    return awaited;
  }

  /** Sends the current state's commands again, for replies that are overdue. */
  public void resend(A aggregate) {
    Consumer<A> resend = step(aggregate).resend();
    if (resend == null) {
      throw new IllegalStateException("no step waits for a reply in " + stateOf.apply(aggregate));
    }
    resend.accept(aggregate);
  }

  /**
   * Compensates the current state's step, whose replies will not come.
   *
   * @return whether it could; a step without a compensation waits for a person instead
   */
  public boolean giveUp(A aggregate, String reason, Instant now) {
    Compensation<A> giveUp = step(aggregate).giveUp();
    if (giveUp == null) {
      return false;
    }
    giveUp.apply(aggregate, reason, now);
    return true;
  }

  /** Whether people may take this action in the state. */
  public boolean allows(S state, Enum<?> action) {
    Step<A> step = steps.get(state);
    return step != null && step.actions().contains(action);
  }

  private Step<A> step(A aggregate) {
    Step<A> step = steps.get(stateOf.apply(aggregate));
    return step != null ? step : new Step<>(List.of(), null, null, Map.of(), Set.of());
  }

  /** Builds a definition state by state. */
  public static final class Builder<A, S extends Enum<S>> {

    private final Function<A, S> stateOf;
    private final Map<S, StepBuilder<A, S>> steps;

    private Builder(Class<S> states, Function<A, S> stateOf) {
      this.stateOf = stateOf;
      this.steps = new EnumMap<>(states);
    }

    /** The rows of one state; each state is described once. */
    public StepBuilder<A, S> in(S state) {
      if (steps.containsKey(state)) {
        throw new IllegalArgumentException(state + " is described twice");
      }
      StepBuilder<A, S> step = new StepBuilder<>(this, state);
      steps.put(state, step);
      return step;
    }

    public SagaDefinition<A, S> build() {
      Map<S, Step<A>> built = new LinkedHashMap<>();
      steps.forEach((state, step) -> built.put(state, step.toStep()));
      return new SagaDefinition<>(stateOf, built);
    }
  }

  /** The rows of one state. */
  public static final class StepBuilder<A, S extends Enum<S>> {

    private final Builder<A, S> definition;
    private final S state;
    private final List<Wait<A>> waits = new ArrayList<>();
    private @Nullable Consumer<A> resend;
    private @Nullable Compensation<A> giveUp;
    private final Map<Class<?>, Reaction<A, Object>> replies = new LinkedHashMap<>();
    private final Set<Enum<?>> actions = new LinkedHashSet<>();

    private StepBuilder(Builder<A, S> definition, S state) {
      this.definition = definition;
      this.state = state;
    }

    /** The state waits for the participant's reply. */
    public StepBuilder<A, S> waitsFor(Participant participant) {
      return waitsFor(participant, aggregate -> true);
    }

    /** The state waits for the participant's reply while {@code when} holds. */
    public StepBuilder<A, S> waitsFor(Participant participant, Predicate<A> when) {
      waits.add(new Wait<>(participant, when));
      return this;
    }

    /** What the state sends again when its reply is overdue. */
    public StepBuilder<A, S> resending(Consumer<A> commands) {
      this.resend = commands;
      return this;
    }

    /**
     * How the state compensates when its replies will not come (after every resend). A step that
     * cannot be undone (a refund) has none: it waits for a person.
     */
    public StepBuilder<A, S> givingUp(Compensation<A> compensation) {
      this.giveUp = compensation;
      return this;
    }

    /** What a reply of this type does in this state. */
    @SuppressWarnings("unchecked")
    public <R> StepBuilder<A, S> on(Class<R> reply, Reaction<A, ? super R> reaction) {
      if (replies.putIfAbsent(reply, (Reaction<A, Object>) reaction) != null) {
        throw new IllegalArgumentException(state + " takes " + reply.getSimpleName() + " twice");
      }
      return this;
    }

    /** The actions people may take in this state. */
    public StepBuilder<A, S> allows(Enum<?>... allowed) {
      actions.addAll(List.of(allowed));
      return this;
    }

    /** The next state's rows. */
    public StepBuilder<A, S> in(S next) {
      return definition.in(next);
    }

    public SagaDefinition<A, S> build() {
      return definition.build();
    }

    private Step<A> toStep() {
      if (!waits.isEmpty() && resend == null) {
        throw new IllegalStateException(state + " waits for a reply, so it needs what to resend");
      }
      return new Step<>(
          List.copyOf(waits), resend, giveUp, Map.copyOf(replies), Set.copyOf(actions));
    }
  }
}
