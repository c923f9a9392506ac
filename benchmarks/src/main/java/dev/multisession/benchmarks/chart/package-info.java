/**
 * Turns the benchmarks' result files into the PNG charts of docs/BENCHMARKS.md.
 */
package dev.multisession.benchmarks.chart;
