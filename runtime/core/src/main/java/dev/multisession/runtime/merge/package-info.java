/**
 * How operations change an order's JSON, the same on the hub and on every terminal:
 * {@link dev.multisession.runtime.merge.MergeEngine} applies set, add, insert and delete and
 * says for each whether it applied, changed nothing or conflicted
 * ({@link dev.multisession.runtime.merge.OpOutcome}); {@link dev.multisession.runtime.merge.OrderInfo}
 * records who created and last changed an order and its elements. Pure functions of a JSON
 * tree and an operation, tested as a table of cases.
 */
package dev.multisession.runtime.merge;
