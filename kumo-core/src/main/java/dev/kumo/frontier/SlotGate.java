package dev.kumo.frontier;

import java.util.function.Predicate;

/**
 * The engine's test of slots during one {@link Frontier#take}, with what a frontier shared by many processes
 * needs besides: each slot's {@linkplain #rules rules}, and a way to say that a slot is held back elsewhere
 * ({@link #heldFor}), so that the engine sleeps no longer than needed. A frontier of one process only calls
 * {@link #test}.
 */
public interface SlotGate extends Predicate<String> {
  /** The limits of {@code slot} by this process's settings, with its current delay. */
  SlotRules rules(String slot);

  /** {@code slot} cannot start for {@code nanos} because of other processes (their starts, a pause). */
  void heldFor(String slot, long nanos);
}
