package dev.kumo.cli;

import java.util.Set;

/**
 * Whether the JDK's virtual-thread I/O poller runs: the platform thread that waits in native code for socket
 * events once a virtual thread has blocked on a socket, and that makes the JVM's exit wait 300 ms. Found by the
 * names JDK 21 to 25 give it ({@code MasterPoller}, or {@code Read-Poller} and {@code Write-Poller} with
 * {@code -Djdk.pollerMode=1}). Internal to the command line.
 */
final class JdkPoller {
  private static final Set<String> NAMES = Set.of("MasterPoller", "Read-Poller", "Write-Poller");

  private JdkPoller() {}

  /** Whether a poller thread is alive now. */
  static boolean running() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    for (int i = 0; i < n; i++) {
      if (NAMES.contains(threads[i].getName())) {
        return true;
      }
    }
    return false;
  }
}
