/**
 * Hub throughput and latency: the hub alone without network (capacity), and a hub in its own
 * JVM driven over WebSocket by many terminals at a set rate (load generator).
 */
package dev.multisession.benchmarks.load;
