/**
 * Internal: the durable job directory (a lock, an identity file and a RocksDB store) and the frontier kept in
 * it. Reach it through the {@code job_dir} setting; these types are not API and may change.
 */
@NullMarked
package dev.kumo.job;

import org.jspecify.annotations.NullMarked;
