/**
 * Compile overhead: javac CPU time for a few hundred generated models with and without the
 * annotation processor on the processor path.
 */
package dev.multisession.benchmarks.compile;
