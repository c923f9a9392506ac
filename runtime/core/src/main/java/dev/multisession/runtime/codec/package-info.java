/**
 * The codec SPI: {@link dev.multisession.runtime.codec.MultiSessionCodec}, which every generated
 * codec implements, {@link dev.multisession.runtime.codec.MultiSessionCodecs#forClass(Class)},
 * which finds the codec of a model class (and refuses, with a message naming the jar to rebuild,
 * one generated for another ABI version), and the field metadata
 * ({@link dev.multisession.runtime.codec.SyncedField}, {@link dev.multisession.runtime.codec.FieldShape})
 * the sync engine diffs and merges by. The helpers generated code calls live apart, in
 * {@code dev.multisession.runtime.codec.abi}.
 */
package dev.multisession.runtime.codec;
