package dev.kumo.job;

import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.internal.Canonicalization;
import dev.kumo.internal.Fingerprinters;
import dev.kumo.internal.KumoVersion;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable crawl's directory ({@code job_dir}): {@code lock} (the owner's PID), {@code job.json} (what the
 * directory belongs to), {@code store/} (RocksDB: the frontier, the seen-set, the last checkpoint) and
 * {@code running} (present while a crawl runs, so that the next one knows the last did not stop cleanly).
 *
 * <p>Opening checks, in order: the directory is a job directory (or empty); no other process holds it; it
 * belongs to this spider, frontier order, fingerprinter, canonicalisation settings and storage format; its store
 * opens and, after an unclean stop, passes its checksums. Any failure is an {@link IOException} that says what to
 * do, and nothing is changed.
 */
public final class JobDirectory implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JobDirectory.class);
  private static final Set<String> OWN_FILES = Set.of("lock", "job.json", "job.json.tmp", "store", "running");

  private final Path dir;
  private final JobLock lock;
  private final JobStore store;
  private final DiskFrontier frontier;
  private final boolean resumed;
  private boolean closed;

  private JobDirectory(Path dir, JobLock lock, JobStore store, DiskFrontier frontier, boolean resumed) {
    this.dir = dir;
    this.lock = lock;
    this.store = store;
    this.frontier = frontier;
    this.resumed = resumed;
  }

  /**
   * Opens {@code settings}' {@code job_dir} for a crawl of {@code spider}, creating it if needed, resuming it if
   * it holds a crawl, or starting over when {@code job_dir_reset} is set.
   *
   * @throws IOException when the directory cannot be used (the message says why and what to do)
   */
  public static JobDirectory open(Path dir, String spider, Settings settings) throws IOException {
    return open(dir, spider, settings, UnaryOperator.identity());
  }

  /** Like {@link #open(Path, String, Settings)}, with the store wrapped (tests: a disk that fills up). */
  static JobDirectory open(Path dir, String spider, Settings settings, UnaryOperator<JobStore> wrap)
      throws IOException {
    String order = settings.get(Setting.FRONTIER_ORDER);
    Files.createDirectories(dir);
    checkOwnDirectory(dir);
    JobLock lock = JobLock.acquire(dir);
    try {
      return open(dir, lock, spider, order, settings, wrap);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static JobDirectory open(Path dir, JobLock lock, String spider, String order, Settings settings,
      UnaryOperator<JobStore> wrap) throws IOException {
    if (settings.get(Setting.JOB_DIR_RESET)) {
      reset(dir);
    }
    Path identityFile = dir.resolve("job.json");
    Path storeDir = dir.resolve("store");
    JobIdentity wanted = new JobIdentity(JobIdentity.FORMAT, KumoVersion.get(), spider, order,
        Fingerprinters.className(settings), Canonicalization.of(settings));
    boolean resumed = Files.exists(identityFile);
    if (resumed) {
      String mismatch = JobIdentity.read(identityFile).mismatch(wanted, dir);
      if (mismatch != null) {
        throw new IOException(mismatch);
      }
      if (!Files.exists(storeDir.resolve("CURRENT"))) {
        throw new IOException("the store of job directory " + dir + " is missing or truncated (no "
            + storeDir.resolve("CURRENT") + "): start over with --job-dir-reset");
      }
    } else if (Files.exists(storeDir)) {
      throw new IOException("job directory " + dir + " has a store but no job.json (an interrupted start, or files "
          + "copied by hand): start over with --job-dir-reset");
    }
    Path running = dir.resolve("running");
    boolean unclean = resumed && Files.exists(running);
    JobStore store;
    try {
      store = wrap.apply(new RocksJobStore(storeDir));
    } catch (FrontierException e) {
      throw new IOException(e.getMessage() + "; the job directory cannot be resumed: start over with "
          + "--job-dir-reset", e);
    }
    try {
      if (unclean) {
        log.warn("Job directory {} was not closed cleanly (a crash or a kill): checking its store", dir);
        store.verify();
      }
      DiskFrontier frontier = new DiskFrontier(store, FrontierOrder.parse(order),
          settings.get(Setting.JOB_DIR_FSYNC), settings.get(Setting.JOB_DIR_MEMORY_REQUESTS),
          settings.get(Setting.JOB_DIR_MEMORY_FINGERPRINTS));
      if (!resumed) {
        wanted.write(identityFile);
      }
      Files.writeString(running, Long.toString(ProcessHandle.current().pid()));
      if (resumed) {
        log.info("Resuming job directory {}: {} requests queued{}, {} seen", dir, frontier.queued(),
            unclean ? " (those in flight at the crash included)" : "", frontier.seen());
      } else {
        log.info("New job directory {}", dir);
      }
      return new JobDirectory(dir, lock, store, frontier, resumed);
    } catch (FrontierException e) {
      store.close();
      throw new IOException(e.getMessage() + "; the job directory cannot be resumed: start over with "
          + "--job-dir-reset", e);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Refuses a directory that holds files of something else: a typo in --job-dir must not destroy data. */
  private static void checkOwnDirectory(Path dir) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        if (!OWN_FILES.contains(f.getFileName().toString())) {
          throw new IOException(dir + " is not a Kumo job directory (it holds " + f.getFileName()
              + "); choose an empty or new directory for --job-dir");
        }
      }
    }
  }

  private static void reset(Path dir) throws IOException {
    log.info("Starting job directory {} over (job_dir_reset)", dir);
    for (String name : OWN_FILES) {
      Path p = dir.resolve(name);
      if (!name.equals("lock") && Files.exists(p)) {
        deleteTree(p);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** The directory. */
  public Path path() {
    return dir;
  }

  /** The frontier kept in the directory. */
  public Frontier frontier() {
    return frontier;
  }

  /** Whether a previous run's crawl was found and is resumed. */
  public boolean resumed() {
    return resumed;
  }

  /** What the previous run committed last ({@link Checkpoint#EMPTY} for a new crawl). */
  public Checkpoint resumedFrom() {
    return frontier.resumedFrom();
  }

  /**
   * Commits {@code checkpoint} with no lease (the crawl's final stats and state); feeds keep the positions of
   * the last commit with leases.
   */
  public void saveFinal(Checkpoint checkpoint) {
    frontier.ack(java.util.List.of(), checkpoint);
  }

  /**
   * Closes the store and releases the lock; marks a clean stop unless the store failed (then the next run
   * checks it).
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      store.close();
      if (!frontier.hasFailed()) {
        Files.deleteIfExists(dir.resolve("running"));
      }
    } finally {
      lock.close();
    }
  }
}
