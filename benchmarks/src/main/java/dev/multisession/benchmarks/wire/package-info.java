/**
 * Wire size: the bytes a mutation and its broadcast take compared with sending the whole order.
 */
package dev.multisession.benchmarks.wire;
