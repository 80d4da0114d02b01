/**
 * The job-directory store comparison of issue 8: RocksDB, SQLite (WAL), H2 MVStore and LMDB behind one small
 * {@link dev.kumo.bench.store.JobStore} interface, driven with the disk frontier's access pattern.
 * {@link dev.kumo.bench.store.StoreChurnBenchmark} (JMH) measures offer/take/ack with group commits,
 * {@link dev.kumo.bench.store.SeenSetScale} a seen-set of ten million fingerprints under {@code -Xmx512m}, and
 * {@link dev.kumo.bench.store.StoreCrashProbe} what each store holds after {@code SIGKILL}. Results are in
 * {@code docs/BENCHMARKS.md}.
 */
package dev.kumo.bench.store;
