package dev.multisession.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a model class ({@code Order}, {@code Orderline} or a subclass) as synced
 * between the terminals of a multi-session.
 *
 * <p>The multisession annotation processor generates, for every class that declares such
 * fields, a {@code <Simple>_MultiSession} codec that exports, initialises and applies them,
 * chaining to the codec of the nearest superclass that has synced fields.
 *
 * <p>Retention is {@link RetentionPolicy#CLASS} so that a superclass compiled into another
 * jar still shows its synced fields to the processor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MultiSessionField {

    /** The JSON key of the field; empty (the default) means the field's name. */
    String value() default "";

    /** How concurrent changes of this field from different terminals are merged. */
    Merge merge() default Merge.LAST_WRITER_WINS;
}
