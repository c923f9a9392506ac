/**
 * JMH benchmark of the generated codecs against Jackson data binding and a hand-written codec
 * on the same tree API, and the report that turns its JSON results into the table of
 * docs/BENCHMARKS.md.
 */
package dev.multisession.benchmarks.codec;
