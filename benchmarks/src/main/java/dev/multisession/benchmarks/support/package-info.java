/**
 * What several benchmarks share: a single-threaded stand-in for an application's UI thread.
 */
package dev.multisession.benchmarks.support;
