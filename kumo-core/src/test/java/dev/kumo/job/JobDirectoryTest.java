package dev.kumo.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Settings;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.Request;
import dev.kumo.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Opening a job directory: every way it can be wrong gives a clear error and changes nothing. */
class JobDirectoryTest {
  @TempDir
  Path root;

  private Path dir() {
    return root.resolve("job");
  }

  private JobDirectory open(String spider, Settings settings) throws IOException {
    return JobDirectory.open(dir(), spider, settings);
  }

  private void crawlSomething(String spider) throws IOException {
    try (JobDirectory job = open(spider, Settings.defaults())) {
      job.frontier().offer(Request.get("http://a/1"), new Fingerprint(1, 1), "a");
    }
  }

  @Test
  void aNewDirectoryIsCreatedAndThenResumed() throws IOException {
    try (JobDirectory job = open("books", Settings.defaults())) {
      assertThat(job.resumed()).isFalse();
      job.frontier().offer(Request.get("http://a/1"), new Fingerprint(1, 1), "a");
    }
    try (JobDirectory job = open("books", Settings.defaults())) {
      assertThat(job.resumed()).isTrue();
      assertThat(job.frontier().queued()).isEqualTo(1);
    }
    assertThat(dir().resolve("running")).as("a clean close").doesNotExist();
  }

  @Test
  void anotherSpidersDirectoryIsRefusedNamingBoth() throws IOException {
    crawlSomething("books");
    assertThatThrownBy(() -> open("films", Settings.defaults())).isInstanceOf(IOException.class)
        .hasMessageContaining("belongs to spider 'books', not 'films'").hasMessageContaining("--job-dir-reset");
    try (JobDirectory job = open("books", Settings.defaults())) {
      assertThat(job.frontier().queued()).as("nothing overwritten").isEqualTo(1);
    }
  }

  @Test
  void anotherFrontierOrderIsRefused() throws IOException {
    crawlSomething("books");
    assertThatThrownBy(() -> open("books", Settings.defaults().with(Setting.FRONTIER_ORDER, "lifo")))
        .isInstanceOf(IOException.class).hasMessageContaining("frontier_order=fifo, not lifo");
  }

  @Test
  void anotherFingerprinterIsRefusedNamingBoth() throws IOException {
    crawlSomething("books");
    assertThatThrownBy(() -> open("books", Settings.defaults().with(Setting.REQUEST_FINGERPRINTER_CLASS,
        "com.example.IgnoreSort"))).isInstanceOf(IOException.class)
        .hasMessageContaining("request_fingerprinter_class=dev.kumo.frontier.RequestFingerprinter, not "
            + "com.example.IgnoreSort").hasMessageContaining("--job-dir-reset");
  }

  @Test
  void aDirectoryThatRecordedNoFingerprinterResumesWithTheDefaultOnly() throws IOException {
    crawlSomething("books");
    Path identity = dir().resolve("job.json");
    Files.writeString(identity,
        Files.readString(identity).replaceFirst(",\\s*\"fingerprinter\" : \"[^\"]*\"", ""));
    assertThat(Files.readString(identity)).doesNotContain("fingerprinter");
    try (JobDirectory job = open("books", Settings.defaults())) {
      assertThat(job.resumed()).isTrue();
    }
    assertThatThrownBy(() -> open("books", Settings.defaults().with(Setting.REQUEST_FINGERPRINTER_CLASS,
        "com.example.IgnoreSort"))).isInstanceOf(IOException.class).hasMessageContaining("not com.example.IgnoreSort");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "canonicalize_keep_fragments; true; canonicalize_keep_fragments=false, not true",
      "canonicalize_sort_query; false; canonicalize_sort_query=true, not false",
      "canonicalize_ignore_params; utm_source,ref; canonicalize_ignore_params=(empty), not ref,utm_source",
      "session_id_params; sid; session_id_params=aspsessionid,cfid,cftoken,jsessionid,oscsid,phpsessid,session_id,"
          + "sessionid,sid,zenid, not sid"})
  void anotherCanonicalisationIsRefusedNamingTheSettingAndBothValues(String setting, String value, String message)
      throws IOException {
    crawlSomething("books");
    Settings other = Settings.defaults().with(setting, value);
    assertThatThrownBy(() -> open("books", other)).isInstanceOf(IOException.class)
        .hasMessageContaining("was made with " + message + ": its seen-set holds the fingerprints of URLs")
        .hasMessageContaining("--job-dir-reset");
    try (JobDirectory job = open("books", Settings.defaults())) {
      assertThat(job.frontier().queued()).as("nothing overwritten").isEqualTo(1);
    }
  }

  @Test
  void aCanonicalisationIsComparedAsASetOfNamesAndRecordedInJobJson() throws IOException {
    Settings ignoring = Settings.defaults().with(Setting.CANONICALIZE_IGNORE_PARAMS, List.of("utm_source", "ref"))
        .with(Setting.SESSION_ID_PARAMS, List.of("SID", "token"));
    try (JobDirectory job = open("books", ignoring)) {
      assertThat(job.resumed()).isFalse();
    }
    assertThat(Files.readString(dir().resolve("job.json")))
        .contains("\"canonicalize_ignore_params\" : \"ref,utm_source\"")
        .contains("\"session_id_params\" : \"sid,token\"").contains("\"canonicalize_keep_fragments\" : \"false\"");
    Settings sameInAnotherOrder = Settings.defaults()
        .with(Setting.CANONICALIZE_IGNORE_PARAMS, List.of("ref", "utm_source"))
        .with(Setting.SESSION_ID_PARAMS, List.of("token", "sid"));
    try (JobDirectory job = open("books", sameInAnotherOrder)) {
      assertThat(job.resumed()).isTrue();
    }
  }

  @Test
  void aDirectoryThatRecordedNoCanonicalisationResumesWithTheDefaultsOnly() throws IOException {
    crawlSomething("books");
    Path identity = dir().resolve("job.json");
    Files.writeString(identity, Files.readString(identity).replaceFirst(",\\s*\"canonicalization\" : \\{[^}]*}", ""));
    assertThat(Files.readString(identity)).doesNotContain("canonical");
    try (JobDirectory job = open("books", Settings.defaults())) {
      assertThat(job.resumed()).isTrue();
    }
    assertThatThrownBy(() -> open("books", Settings.defaults().with(Setting.CANONICALIZE_KEEP_FRAGMENTS, true)))
        .isInstanceOf(IOException.class).hasMessageContaining("canonicalize_keep_fragments=false, not true");
  }

  @Test
  void anotherStorageFormatIsRefusedNamingBothVersions() throws IOException {
    crawlSomething("books");
    Path identity = dir().resolve("job.json");
    Files.writeString(identity, Files.readString(identity).replaceFirst("\"format\" : 1", "\"format\" : 7")
        .replaceFirst("\"kumo\" : \"[^\"]*\"", "\"kumo\" : \"9.9.9\""));
    assertThatThrownBy(() -> open("books", Settings.defaults())).isInstanceOf(IOException.class)
        .hasMessageContaining("made by Kumo 9.9.9 in storage format 7").hasMessageContaining("reads format 1");
  }

  @Test
  void resetStartsOver() throws IOException {
    crawlSomething("books");
    try (JobDirectory job = open("films", Settings.defaults().with(Setting.JOB_DIR_RESET, true))) {
      assertThat(job.resumed()).isFalse();
      assertThat(job.frontier().queued()).isZero();
      assertThat(job.frontier().seen()).isZero();
    }
  }

  @Test
  void aDirectoryOfOtherFilesIsNeverUsed() throws IOException {
    Files.createDirectories(dir());
    Files.writeString(dir().resolve("thesis.tex"), "precious");
    assertThatThrownBy(() -> open("books", Settings.defaults())).isInstanceOf(IOException.class)
        .hasMessageContaining("is not a Kumo job directory (it holds thesis.tex)");
    assertThat(dir().resolve("thesis.tex")).hasContent("precious");
    assertThat(dir().resolve("lock")).doesNotExist();
  }

  @Test
  void aMissingStoreIsDetected() throws IOException {
    crawlSomething("books");
    try (Stream<Path> files = Files.list(dir().resolve("store"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    assertThatThrownBy(() -> open("books", Settings.defaults())).isInstanceOf(IOException.class)
        .hasMessageContaining("is missing or truncated").hasMessageContaining("--job-dir-reset");
  }

  @Test
  void aCorruptedStoreIsDetected() throws IOException {
    crawlSomething("books");
    try (Stream<Path> files = Files.list(dir().resolve("store"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("MANIFEST")).toList()) {
        byte[] garbage = Files.readAllBytes(f);
        for (int i = 0; i < garbage.length; i++) {
          garbage[i] = (byte) (garbage[i] ^ 0x5a);
        }
        Files.write(f, garbage);
      }
    }
    assertThatThrownBy(() -> open("books", Settings.defaults())).isInstanceOf(IOException.class)
        .hasMessageContaining("cannot open the job store").hasMessageContaining("cannot be resumed");
  }

  @Test
  void aSecondOpenWhileTheFirstHoldsItIsRefusedNamingThePid() throws IOException {
    try (JobDirectory first = open("books", Settings.defaults())) {
      assertThatThrownBy(() -> open("books", Settings.defaults())).isInstanceOf(IOException.class)
          .hasMessageContaining("is in use by process " + ProcessHandle.current().pid());
      assertThat(first.frontier().queued()).isZero();
    }
  }
}
