/**
 * What several benchmarks share: command-line options and a single-threaded stand-in for an
 * application's UI thread.
 */
package dev.multisession.benchmarks.support;
