package dev.kumo.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.internal.Canonicalization;
import dev.kumo.internal.Fingerprinters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a job directory belongs to ({@code DIR/job.json}): its storage format, the Kumo version that made it,
 * the spider, the frontier order (which the stored keys depend on), and the fingerprinter and canonicalisation
 * settings (which the seen-set does).
 *
 * @param format the storage format; a Kumo reads only its own
 * @param kumoVersion the version of Kumo that made the directory
 * @param spider the spider's name
 * @param frontierOrder {@code fifo} or {@code lifo}
 * @param fingerprinter the {@code request_fingerprinter_class} (the default in a directory made before it was
 *     recorded)
 * @param canonicalization the {@code canonicalize_*} and {@code session_id_params} settings (the defaults in a
 *     directory made before they were recorded)
 */
record JobIdentity(int format, String kumoVersion, String spider, String frontierOrder, String fingerprinter,
    Canonicalization canonicalization) {
  /** The storage format this Kumo reads and writes. */
  static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  static JobIdentity read(Path file) throws IOException {
    var o = JSON.readTree(file.toFile());
    if (o == null || !o.path("format").isInt()) {
      throw new IOException(file + " is not a Kumo job identity (no format)");
    }
    Map<String, String> canonical = new LinkedHashMap<>();
    o.path("canonicalization").properties().forEach(e -> canonical.put(e.getKey(), e.getValue().asText()));
    return new JobIdentity(o.get("format").asInt(), o.path("kumo").asText("?"), o.path("spider").asText(""),
        o.path("frontier_order").asText(""), o.path("fingerprinter").asText(Fingerprinters.DEFAULT_CLASS),
        Canonicalization.recorded(canonical));
  }

  /** Writes this identity to {@code file} atomically (a temporary file moved into place). */
  void write(Path file) throws IOException {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("format", format);
    o.put("kumo", kumoVersion);
    o.put("spider", spider);
    o.put("frontier_order", frontierOrder);
    o.put("fingerprinter", fingerprinter);
    o.put("canonicalization", canonicalization.values());
    o.put("created", Instant.now().toString());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), o);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Why a crawl described by {@code wanted} cannot resume this directory; null when it can. */
  String mismatch(JobIdentity wanted, Path dir) {
    if (format != FORMAT) {
      return "job directory " + dir + " was made by Kumo " + kumoVersion + " in storage format " + format
          + "; this Kumo (" + wanted.kumoVersion + ") reads format " + FORMAT
          + ": resume it with that version, or start over with --job-dir-reset";
    }
    if (!spider.equals(wanted.spider)) {
      return "job directory " + dir + " belongs to spider '" + spider + "', not '" + wanted.spider
          + "': use another --job-dir, or start over with --job-dir-reset";
    }
    if (!frontierOrder.equals(wanted.frontierOrder)) {
      return "job directory " + dir + " was made with frontier_order=" + frontierOrder + ", not "
          + wanted.frontierOrder + ": resume it with the same order, or start over with --job-dir-reset";
    }
    if (!fingerprinter.equals(wanted.fingerprinter)) {
      return "job directory " + dir + " was made with request_fingerprinter_class=" + fingerprinter + ", not "
          + wanted.fingerprinter + ": its seen-set holds that class's fingerprints; resume it with the same class, "
          + "or start over with --job-dir-reset";
    }
    String canonical = canonicalization.difference(wanted.canonicalization);
    if (canonical != null) {
      return "job directory " + dir + " was made with " + canonical + ": its seen-set holds the fingerprints of URLs "
          + "canonicalised that way, so resume it with the same value, or start over with --job-dir-reset";
    }
    return null;
  }
}
