package dev.kumo.bench.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite in WAL mode: two {@code WITHOUT ROWID} tables keyed by blobs, a page cache of
 * {@link StoreOptions#cacheBytes()}, one connection with auto-commit off. Durable commits use
 * {@code synchronous=FULL} (the WAL is fsynced at every commit); the others {@code synchronous=NORMAL} (the WAL
 * is fsynced only at checkpoints, so a commit survives a process crash but not a power loss).
 */
final class SqliteJobStore implements JobStore {
  private final Connection connection;
  private final PreparedStatement selectSeen;
  private final PreparedStatement insertSeen;
  private final PreparedStatement insertQueued;
  private final PreparedStatement selectFirst;
  private final PreparedStatement deleteQueued;

  SqliteJobStore(Path dir, StoreOptions options) {
    try {
      Files.createDirectories(dir);
      connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("job.db"));
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=" + (options.durable() ? "FULL" : "NORMAL"));
        s.execute("PRAGMA cache_size=-" + options.cacheBytes() / 1024);
        s.execute("CREATE TABLE IF NOT EXISTS seen(fp BLOB PRIMARY KEY) WITHOUT ROWID");
        s.execute("CREATE TABLE IF NOT EXISTS queue(k BLOB PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID");
      }
      connection.setAutoCommit(false);
      selectSeen = connection.prepareStatement("SELECT fp FROM seen WHERE fp = ?");
      insertSeen = connection.prepareStatement("INSERT OR IGNORE INTO seen(fp) VALUES (?)");
      insertQueued = connection.prepareStatement("INSERT OR REPLACE INTO queue(k, v) VALUES (?, ?)");
      selectFirst = connection.prepareStatement("SELECT k FROM queue WHERE k >= ? AND k < ? ORDER BY k LIMIT 1");
      deleteQueued = connection.prepareStatement("DELETE FROM queue WHERE k = ?");
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("cannot open SQLite in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void begin() {
    // sqlite-jdbc with auto-commit off starts the next transaction at each commit
  }

  @Override
  public boolean isSeen(byte[] fingerprint) {
    return query(selectSeen, fingerprint) != null;
  }

  @Override
  public void addSeen(byte[] fingerprint) {
    update(insertSeen, fingerprint);
  }

  @Override
  public void putQueued(byte[] key, byte[] value) {
    update(insertQueued, key, value);
  }

  @Override
  public byte[] firstQueued(byte[] from, byte[] to) {
    return query(selectFirst, from, to);
  }

  /** The first column of the first row, or {@code null} if there is no row. */
  private static byte[] query(PreparedStatement statement, byte[]... parameters) {
    try {
      bind(statement, parameters);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    } catch (SQLException e) {
      throw new StoreException("SQLite query failed", e);
    }
  }

  @Override
  public void deleteQueued(byte[] key) {
    update(deleteQueued, key);
  }

  private static void update(PreparedStatement statement, byte[]... parameters) {
    try {
      bind(statement, parameters);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("SQLite update failed", e);
    }
  }

  private static void bind(PreparedStatement statement, byte[]... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setBytes(i + 1, parameters[i]);
    }
  }

  @Override
  public void commit() {
    try {
      connection.commit();
    } catch (SQLException e) {
      throw new StoreException("SQLite commit failed", e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close SQLite", e);
    }
  }
}
