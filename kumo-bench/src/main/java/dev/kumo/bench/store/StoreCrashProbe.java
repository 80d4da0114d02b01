package dev.kumo.bench.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What a store holds after {@code SIGKILL}. A child JVM commits transactions in a loop with durable commits
 * (transaction {@code k} queues {@value #PER_TXN} requests, deletes those of transaction {@code k - 2} and adds
 * fingerprint {@code k} to the seen-set) and prints {@code k} once each commit has returned; it is killed at a
 * random moment, and a second child reopens the directory and checks that it holds exactly the state after one
 * transaction {@code K >= k}. While the writer runs, a second process tries to open the same directory (the
 * lock check); at the end a 4 KiB block in the middle of the largest file (RocksDB's text logs aside) is
 * overwritten with random bytes and the directory is opened again (the corruption check).
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
 *   -cp kumo-bench/target/kumo-bench.jar dev.kumo.bench.store.StoreCrashProbe STORE DIR [ROUNDS]
 * </pre>
 */
public final class StoreCrashProbe {
  static final int PER_TXN = 50;

  private StoreCrashProbe() {}

  /** {@code STORE DIR [ROUNDS]}, or (in the child JVMs) {@code write|verify STORE DIR}. */
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "write" -> write(StoreKind.of(args[1]), Path.of(args[2]));
      case "verify" -> System.out.println(verify(StoreKind.of(args[1]), Path.of(args[2])));
      default -> probe(args[0], Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
    }
  }

  private static void probe(String store, Path dir, int rounds) throws Exception {
    Directories.delete(dir);
    SplittableRandom random = new SplittableRandom();
    for (int round = 1; round <= rounds; round++) {
      Process writer = child("write", store, dir);
      AtomicLong last = new AtomicLong(-1);
      Thread reader = Thread.ofPlatform().start(() -> readCommits(writer, last));
      while (last.get() < 0 && writer.isAlive()) {
        Thread.sleep(10);
      }
      if (round == 1) {
        System.out.println(store + " second process while the writer runs: " + run(child("verify", store, dir)));
      }
      Thread.sleep(200 + random.nextInt(1500));
      writer.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly it leaves the pipe to drain
      reader.join();
      writer.waitFor();
      System.out.println(store + " round " + round + ": killed after commit " + last.get() + " returned; reopened: "
          + run(child("verify", store, dir)));
    }
    Path largest = largestFile(dir);
    try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
      byte[] garbage = new byte[4096];
      random.nextBytes(garbage);
      file.seek(file.length() / 2);
      file.write(garbage);
    }
    System.out.println(store + " after 4 KiB of garbage in the middle of " + dir.relativize(largest) + " ("
        + Files.size(largest) + " bytes): " + run(child("verify", store, dir)));
  }

  private static void readCommits(Process writer, AtomicLong last) {
    try (BufferedReader in = writer.inputReader(StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        last.set(Long.parseLong(line));
      }
    } catch (IOException | NumberFormatException e) {
      // the writer died mid-line: the last complete line stands
    }
  }

  private static Process child(String mode, String store, Path dir) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), StoreCrashProbe.class.getName(), mode,
        store, dir.toString()));
    return new ProcessBuilder(command).redirectErrorStream(mode.equals("verify")).start();
  }

  /** The child's output (its last lines), or its exit status if it printed nothing. */
  private static String run(Process process) throws Exception {
    String out;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      out = String.join(" | ", in.lines().filter(l -> !l.startsWith("WARNING")).toList());
    }
    int status = process.waitFor();
    String text = out.length() > 400 ? out.substring(0, 400) + "…" : out;
    return status == 0 ? text : "exit " + status + ": " + text;
  }

  private static Path largestFile(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("LOG"))
          .max(Comparator.comparingLong(StoreCrashProbe::size)).orElseThrow();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static void write(StoreKind kind, Path dir) {
    byte[] value = new byte[ChurnWorkload.VALUE_BYTES];
    try (JobStore store = kind.open(dir, StoreOptions.of(true))) {
      long k = lastTransaction(store) + 1;
      while (true) {
        store.begin();
        for (int j = 0; j < PER_TXN; j++) {
          store.putQueued(QueueKeys.key(0, 0, k * PER_TXN + j), value);
          if (k >= 2) {
            store.deleteQueued(QueueKeys.key(0, 0, (k - 2) * PER_TXN + j));
          }
        }
        store.addSeen(SeenSetScale.fingerprint(k));
        store.commit();
        System.out.println(k);
        System.out.flush();
        k++;
      }
    }
  }

  /** The last transaction in the store, or -1 if none; fails if the store is not exactly its state. */
  private static long lastTransaction(JobStore store) {
    List<Long> sequences = new ArrayList<>();
    byte[] end = QueueKeys.slotEnd(0);
    for (byte[] key = store.firstQueued(QueueKeys.slotStart(0), end); key != null;
        key = store.firstQueued(QueueKeys.successor(key), end)) {
      sequences.add(QueueKeys.sequence(key));
    }
    if (sequences.isEmpty()) {
      return -1;
    }
    long last = sequences.getLast() / PER_TXN;
    long first = Math.max(0, last - 1) * PER_TXN;
    boolean exact = sequences.size() == (last + 1) * PER_TXN - first;
    for (int i = 0; exact && i < sequences.size(); i++) {
      exact = sequences.get(i) == first + i;
    }
    if (!exact || !store.isSeen(SeenSetScale.fingerprint(last)) || store.isSeen(SeenSetScale.fingerprint(last + 1))) {
      throw new IllegalStateException("not the state after one transaction: " + sequences.size()
          + " requests from " + sequences.getFirst() + " to " + sequences.getLast());
    }
    return last;
  }

  private static String verify(StoreKind kind, Path dir) {
    try (JobStore store = kind.open(dir, StoreOptions.of(true))) {
      store.begin(); // one snapshot for the whole check, never committed
      return "consistent, last transaction " + lastTransaction(store);
    } catch (RuntimeException e) {
      StringBuilder causes = new StringBuilder("FAILED: " + e);
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        causes.append(" <- ").append(cause);
      }
      return causes.toString();
    }
  }
}
