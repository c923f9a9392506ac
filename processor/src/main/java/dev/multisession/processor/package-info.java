/**
 * The annotation processor that writes a {@code <Simple>_MultiSession} codec beside every class
 * with {@code @MultiSessionField} fields: {@link dev.multisession.processor.ModelReader} reads the
 * elements into a small immutable model, {@link dev.multisession.processor.ModelValidator} reports
 * misuse through one catalogue of {@link dev.multisession.processor.Message messages}, and
 * {@link dev.multisession.processor.CodecWriter} turns the model into JavaPoet specs. Every runtime
 * type and member the generated code names comes from the shared table of the
 * {@code multisession-codec-abi} artifact ({@code dev.multisession.codec.abi}), which the processor
 * jar carries shaded, as it carries JavaPoet, so that a build needs the one jar on its processor
 * path and nothing of the runtime.
 */
package dev.multisession.processor;
