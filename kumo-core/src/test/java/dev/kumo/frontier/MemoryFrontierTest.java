package dev.kumo.frontier;

/** The frontier contract for {@link MemoryFrontier}. */
class MemoryFrontierTest extends FrontierContract {
  @Override
  protected Frontier create(FrontierOrder order) {
    return new MemoryFrontier(order);
  }
}
