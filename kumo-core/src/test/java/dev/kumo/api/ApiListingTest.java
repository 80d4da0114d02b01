package dev.kumo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The published API changes only on purpose: the listing of kumo-core's exports and their public signatures must
 * equal {@code kumo-core/api/kumo-core.api}. After a deliberate change, regenerate the file and commit it with the
 * change (the diff is the API review):
 *
 * <pre>
 * ./mvnw -B -ntp -o test -pl kumo-core -am -Dtest=ApiListingTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dkumo.api.update=true
 * </pre>
 */
class ApiListingTest {
  private static final Path RECORDED = Path.of("api", "kumo-core.api");

  @Test
  void thePublishedApiIsTheRecordedOne() throws Exception {
    String now = new ApiListing(CoreModulePath.classes(), getClass().getClassLoader()).text();
    if (Boolean.getBoolean("kumo.api.update")) {
      Files.createDirectories(RECORDED.getParent());
      Files.writeString(RECORDED, now);
    }
    assertThat(RECORDED).as("the recorded API listing (regenerate: see ApiListingTest's Javadoc)").exists();
    assertThat(now).as("kumo-core's API differs from " + RECORDED.toAbsolutePath()
        + "; if on purpose, regenerate it (see ApiListingTest's Javadoc) and commit the diff")
        .isEqualTo(Files.readString(RECORDED));
  }
}
