/**
 * JMH benchmarks of Kumo's hot paths (canonicalisation and fingerprints, link extraction, the frontier) and of
 * whole crawls of the local test site with each HTTP client. Run with
 * {@code java -jar kumo-bench/target/kumo-bench.jar}; figures go to {@code docs/BENCHMARKS.md}.
 */
package dev.kumo.bench;
