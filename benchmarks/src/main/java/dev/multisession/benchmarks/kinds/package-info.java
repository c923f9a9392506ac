/**
 * A model that uses every kind of field the codec supports (maps, sets, lists, UUID, every
 * {@code java.time} type, enums, a Jackson-bound value, a nested model and a list of models),
 * with a hand-written codec of the same semantics, for the every-kind codec benchmark.
 */
package dev.multisession.benchmarks.kinds;
