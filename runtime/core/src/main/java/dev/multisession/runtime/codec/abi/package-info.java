/**
 * What generated {@code <Simple>_MultiSession} codecs link against, and nothing else: their base
 * class ({@link dev.multisession.runtime.codec.abi.GeneratedCodec}), the one-call initialisation
 * and update of a primitive or nested-model field ({@link dev.multisession.runtime.codec.abi.ValueUpdates}),
 * the direct value writes ({@link dev.multisession.runtime.codec.abi.ValueWrites}), the value codecs,
 * whose own methods initialise and update a field of their type
 * ({@link dev.multisession.runtime.codec.abi.ValueCodec}, constants and factories in
 * {@link dev.multisession.runtime.codec.abi.ValueCodecs}), the export of nested models
 * ({@link dev.multisession.runtime.codec.abi.ModelValues}) and the version mark
 * ({@link dev.multisession.runtime.codec.abi.CodecAbiVersion}). The reads and comparisons
 * ({@code ValueReads}, {@code ValueComparisons}) and the rest of {@code ModelValues} serve those
 * and are not called by generated code.
 *
 * <p>It is named {@code abi} because its public members are an application binary interface:
 * codecs compiled months ago into other jars call them by name and signature, so they change
 * only together with {@code dev.multisession.codec.abi.CodecAbi#VERSION}. The table in the
 * {@code multisession-codec-abi} artifact lists every one of them, and a test checks that each
 * exists here with the listed signature. Application code uses the SPI of
 * {@code dev.multisession.runtime.codec} instead, which is free of this constraint's clutter.
 */
package dev.multisession.runtime.codec.abi;
