package dev.kumo.redis;

import dev.kumo.Request;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.FrontierException;
import dev.kumo.internal.RequestCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A queued request as a member of its slot's sorted set: a 24-character order key (written by the offer
 * script), the 16-byte fingerprint, then the request as the job directory stores it. Members of one slot share
 * score 0, so Redis orders them by these bytes: priority (highest first), then sequence.
 */
final class QueueEntry {
  /** Characters of the order key: 8 hex digits of priority, 16 of sequence. */
  static final int ORDER_CHARS = 24;

  private QueueEntry() {}

  /** The order key's first part: sorts higher priorities first, as bytes. */
  static byte[] priorityKey(int priority) {
    return String.format(Locale.ROOT, "%08x", ~priority ^ Integer.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * What the offer script appends to the order key: fingerprint and stored request.
   *
   * @throws IllegalArgumentException when a meta value cannot be stored
   */
  static byte[] payload(Request request, Fingerprint fingerprint) {
    byte[] encoded = RequestCodec.encode(request);
    byte[] value = Arrays.copyOf(fingerprint.toBytes(), Fingerprint.BYTES + encoded.length);
    System.arraycopy(encoded, 0, value, Fingerprint.BYTES, encoded.length);
    return value;
  }

  /** The fingerprint of a member read back from Redis. */
  static Fingerprint fingerprint(byte[] member) {
    return Fingerprint.fromBytes(Arrays.copyOfRange(member, ORDER_CHARS, ORDER_CHARS + Fingerprint.BYTES));
  }

  /**
   * The request of a member read back from Redis.
   *
   * @throws FrontierException when the member is not a request Kumo stored (another program's data)
   */
  static Request request(byte[] member, String slot) {
    try {
      if (member.length <= ORDER_CHARS + Fingerprint.BYTES) {
        throw new IOException("a queue member of " + member.length + " bytes");
      }
      return RequestCodec.decode(Arrays.copyOfRange(member, ORDER_CHARS + Fingerprint.BYTES, member.length));
    } catch (IOException | RuntimeException e) {
      throw new FrontierException("corrupted request in Redis (slot " + slot + "): " + e.getMessage(), e);
    }
  }

  /** The slot named by a member of the heads index (its order key, then the slot). */
  static String slotOfHead(byte[] head) {
    return new String(head, ORDER_CHARS, head.length - ORDER_CHARS, StandardCharsets.UTF_8);
  }
}
