package dev.kumo.bench.store;

import java.nio.ByteBuffer;

/**
 * The frontier's queue key: {@code [slot: 4 bytes][255 - priority: 1 byte][sequence: 8 bytes]}, big-endian, so a
 * slot's requests are one key range ordered by priority (highest first) then sequence (FIFO; a LIFO frontier
 * stores the complement of the sequence).
 */
public final class QueueKeys {
  /** Bytes in a queue key. */
  public static final int LENGTH = 13;

  private QueueKeys() {}

  /** The key of a request. */
  public static byte[] key(int slot, int priority, long sequence) {
    return ByteBuffer.allocate(LENGTH).putInt(slot).put((byte) (255 - priority)).putLong(sequence).array();
  }

  /** The first key of a slot's range (inclusive). */
  public static byte[] slotStart(int slot) {
    return ByteBuffer.allocate(4).putInt(slot).array();
  }

  /** The end of a slot's range (exclusive). */
  public static byte[] slotEnd(int slot) {
    return ByteBuffer.allocate(4).putInt(slot + 1).array();
  }

  /** The end of the range of a slot's requests of one priority (exclusive). */
  public static byte[] priorityEnd(int slot, int priority) {
    return successor(key(slot, priority, -1L));
  }

  /** The smallest key greater than {@code key}: the key followed by a zero byte. */
  public static byte[] successor(byte[] key) {
    return java.util.Arrays.copyOf(key, key.length + 1);
  }

  /** The sequence number in a key. */
  public static long sequence(byte[] key) {
    return ByteBuffer.wrap(key, 5, 8).getLong();
  }
}
