package dev.kumo.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final Fingerprint FP = new Fingerprint(0x0123456789abcdefL, 0xfedcba9876543210L);

  @Test
  void hexIsHighThenLowMostSignificantFirst() {
    assertThat(FP.toHex()).isEqualTo("0123456789abcdeffedcba9876543210").hasSize(Fingerprint.HEX_LENGTH);
    assertThat(FP).hasToString(FP.toHex());
    assertThat(new Fingerprint(0, 1).toHex()).isEqualTo("00000000000000000000000000000001");
  }

  @Test
  void hexRoundTrips() {
    assertThat(Fingerprint.fromHex(FP.toHex())).isEqualTo(FP);
    assertThat(Fingerprint.fromHex(FP.toHex().toUpperCase())).isEqualTo(FP);
    Fingerprint allOnes = new Fingerprint(-1, -1);
    assertThat(Fingerprint.fromHex(allOnes.toHex())).isEqualTo(allOnes);
  }

  @Test
  void bytesRoundTrip() {
    byte[] bytes = FP.toBytes();
    assertThat(bytes).hasSize(Fingerprint.BYTES).startsWith((byte) 0x01, (byte) 0x23).endsWith((byte) 0x10);
    assertThat(Fingerprint.fromBytes(bytes)).isEqualTo(FP);
  }

  @Test
  void refusesBadInput() {
    assertThatThrownBy(() -> Fingerprint.fromHex("0123")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fingerprint.fromHex("0123456789abcdeffedcba987654321g"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fingerprint.fromBytes(new byte[15]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isAMapKey() {
    Map<Fingerprint, String> map = new HashMap<>();
    map.put(FP, "seen");
    assertThat(map).containsEntry(Fingerprint.fromHex("0123456789abcdeffedcba9876543210"), "seen");
    assertThat(new Fingerprint(1, 2))
        .isEqualTo(new Fingerprint(1, 2))
        .hasSameHashCodeAs(new Fingerprint(1, 2))
        .isNotEqualTo(new Fingerprint(2, 1));
  }
}
