/**
 * JMH benchmark of the generated codecs against Jackson data binding and a hand-written codec
 * on the same tree API, and the report that turns its JSON results into the table of
 * docs/BENCHMARKS.md; the same operations and a hub event's encoding and decoding by the protocol
 * mapper ({@link dev.multisession.benchmarks.codec.MessageCpuTime}) in thread CPU time.
 */
package dev.multisession.benchmarks.codec;
