/**
 * Catch-up benchmark: how long a terminal that missed thousands of operations takes to be
 * in sync again, by replay of the hub's log and by snapshot.
 */
package dev.multisession.benchmarks.catchup;
