package dev.kumo.bench.charset;

import com.ibm.icu.text.CharsetMatch;
import dev.kumo.download.CharsetDetector;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The charset detectors compared for issue 10, each asked for its one best guess on a whole body, and Kumo's
 * own decision with and without a UTF-8 label.
 */
enum Candidate {
  /** ICU4J's {@code CharsetDetector} with its markup filter on (the tags are not counted as text). */
  ICU4J {
    @Override
    Charset detect(byte[] body) {
      com.ibm.icu.text.CharsetDetector detector = new com.ibm.icu.text.CharsetDetector();
      detector.enableInputFilter(true);
      detector.setText(body);
      CharsetMatch match = detector.detect();
      return match == null ? null : lookup(match.getName());
    }
  },
  /** chardet4j: ICU4J's detector repackaged alone, behind its own byte-order-mark check. */
  CHARDET4J {
    @Override
    Charset detect(byte[] body) {
      return com.sigpwned.chardet4j.Chardet.detectCharset(body).orElse(null);
    }
  },
  /** juniversalchardet: Mozilla's universalchardet ported to Java. */
  JUNIVERSALCHARDET {
    @Override
    Charset detect(byte[] body) {
      UniversalDetector detector = new UniversalDetector();
      detector.handleData(body, 0, body.length);
      detector.dataEnd();
      String name = detector.getDetectedCharset();
      return name == null ? null : lookup(name);
    }
  },
  /** org.glavo:chardet, a fork of juniversalchardet. */
  GLAVO_CHARDET {
    @Override
    Charset detect(byte[] body) {
      org.glavo.chardet.UniversalDetector detector = new org.glavo.chardet.UniversalDetector();
      detector.handleData(body, 0, body.length);
      detector.dataEnd();
      org.glavo.chardet.DetectedCharset found = detector.getDetectedCharset();
      return found == null ? null : lookup(found.getName());
    }
  },
  /** Kumo's whole decision ({@code CharsetDetector.choose}) on a page that declares nothing. */
  KUMO_UNDECLARED {
    @Override
    Charset detect(byte[] body) {
      return CharsetDetector.choose(body, "text/html").charset();
    }
  },
  /** Kumo's whole decision on a page whose header says UTF-8, right or wrong. */
  KUMO_LABELLED_UTF8 {
    @Override
    Charset detect(byte[] body) {
      return CharsetDetector.choose(body, "text/html; charset=utf-8").charset();
    }
  },
  /** Kumo before issue 10: UTF-8 if the bytes are well-formed UTF-8, else windows-1252. */
  UTF8_OR_1252 {
    @Override
    Charset detect(byte[] body) {
      String text = new String(body, StandardCharsets.UTF_8);
      boolean utf8 = text.indexOf('\uFFFD') < 0;
      return utf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }
  };

  /** The charset the detector names for {@code body}, or null when it has no answer. */
  abstract Charset detect(byte[] body);

  private static Charset lookup(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }
}
