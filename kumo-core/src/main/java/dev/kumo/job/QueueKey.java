package dev.kumo.job;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A queued request's key: the slot's name, a zero byte, then its place in the slot (priority, highest first,
 * then sequence, ascending for FIFO and descending for LIFO), so that byte order is queue order. Compares as
 * unsigned bytes, like the store.
 */
final class QueueKey implements Comparable<QueueKey> {
  private static final int ORDER_BYTES = Integer.BYTES + Long.BYTES;

  private final byte[] bytes;
  private final int orderOffset;

  private QueueKey(byte[] bytes, int orderOffset) {
    this.bytes = bytes;
    this.orderOffset = orderOffset;
  }

  /** The key of a request of {@code priority} and sequence number {@code seq} in {@code slot}. */
  static QueueKey of(String slot, int priority, long seq, boolean lifo) {
    byte[] prefix = prefix(slot);
    ByteBuffer b = ByteBuffer.allocate(prefix.length + ORDER_BYTES);
    b.put(prefix);
    b.putInt(~priority ^ Integer.MIN_VALUE); // higher priority sorts first, as unsigned bytes
    b.putLong(lifo ? Long.MAX_VALUE - seq : seq);
    return new QueueKey(b.array(), prefix.length);
  }

  /** A key read back from the store. */
  static QueueKey wrap(byte[] bytes) {
    int zero = indexOfZero(bytes);
    if (zero < 0 || bytes.length - zero - 1 != ORDER_BYTES) {
      throw new IllegalArgumentException("not a queue key: " + Arrays.toString(Arrays.copyOf(bytes, 24)));
    }
    return new QueueKey(bytes, zero + 1);
  }

  /** Every key of {@code slot} starts with these bytes. */
  static byte[] prefix(String slot) {
    if (slot.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("slot name with a NUL character: " + slot);
    }
    byte[] name = slot.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(name, name.length + 1);
  }

  /** The first key after every key of the slot that {@code key} belongs to. */
  static byte[] afterSlot(byte[] key) {
    int zero = indexOfZero(key);
    byte[] next = Arrays.copyOf(key, zero + 1);
    next[zero] = 1;
    return next;
  }

  /** The slot name of a stored key. */
  static String slotOf(byte[] key) {
    return new String(key, 0, indexOfZero(key), StandardCharsets.UTF_8);
  }

  private static int indexOfZero(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Compares the places in their slots only (priority, then sequence), whatever the slots. */
  int compareOrder(QueueKey other) {
    return Arrays.compareUnsigned(bytes, orderOffset, bytes.length, other.bytes, other.orderOffset,
        other.bytes.length);
  }

  @Override
  public int compareTo(QueueKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueueKey k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
