/**
 * What generated {@code <Simple>_MultiSession} codecs link against, and nothing else: the direct
 * value reads and writes ({@link dev.multisession.runtime.codec.abi.ValueReads},
 * {@link dev.multisession.runtime.codec.abi.ValueWrites},
 * {@link dev.multisession.runtime.codec.abi.ValueComparisons}), the value codec constants and
 * factories ({@link dev.multisession.runtime.codec.abi.ValueCodecs}), nested models
 * ({@link dev.multisession.runtime.codec.abi.ModelValues}), the codec of an inheriting subclass
 * ({@link dev.multisession.runtime.codec.abi.DerivedCodec}) and the version mark
 * ({@link dev.multisession.runtime.codec.abi.CodecAbiVersion}).
 *
 * <p>It is named {@code abi} because its public members are an application binary interface:
 * codecs compiled months ago into other jars call them by name and signature, so they change
 * only together with {@code dev.multisession.codec.abi.CodecAbi#VERSION}. The table in the
 * {@code multisession-codec-abi} artifact lists every one of them, and a test checks that each
 * exists here with the listed signature. Application code uses the SPI of
 * {@code dev.multisession.runtime.codec} instead, which is free of this constraint's clutter.
 */
package dev.multisession.runtime.codec.abi;
