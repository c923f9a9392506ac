package dev.multisession.runtime.codec.abi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version of the generated-code ABI a codec was written for, on every generated
 * {@code <Simple>_MultiSession} class. {@code MultiSessionCodecs.forClass} refuses a codec of
 * another version with a message naming the jar to rebuild.
 *
 * <p>An annotation rather than a constant because the runtime can read it without initialising
 * the codec class: the static initialiser of a codec compiled for another ABI may itself fail to
 * link, and that failure must not hide the clear message. This type never moves nor changes,
 * whatever else the ABI does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CodecAbiVersion {

    /** The ABI version, {@code dev.multisession.codec.abi.CodecAbi.VERSION} when the codec was generated. */
    int value();
}
