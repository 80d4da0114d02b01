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
      selectSeen = connection.prepareStatement("SELECT 1 FROM seen WHERE fp = ?");
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
    try {
      selectSeen.setBytes(1, fingerprint);
      try (ResultSet rs = selectSeen.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException("SQLite select failed", e);
    }
  }

  @Override
  public void addSeen(byte[] fingerprint) {
    try {
      insertSeen.setBytes(1, fingerprint);
      insertSeen.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("SQLite insert failed", e);
    }
  }

  @Override
  public void putQueued(byte[] key, byte[] value) {
    try {
      insertQueued.setBytes(1, key);
      insertQueued.setBytes(2, value);
      insertQueued.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("SQLite insert failed", e);
    }
  }

  @Override
  public byte[] firstQueued(byte[] from, byte[] to) {
    try {
      selectFirst.setBytes(1, from);
      selectFirst.setBytes(2, to);
      try (ResultSet rs = selectFirst.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    } catch (SQLException e) {
      throw new StoreException("SQLite select failed", e);
    }
  }

  @Override
  public void deleteQueued(byte[] key) {
    try {
      deleteQueued.setBytes(1, key);
      deleteQueued.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("SQLite delete failed", e);
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
