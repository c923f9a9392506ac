package dev.multisession.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the identity field of a model: an order's or an orderline's {@code uid}.
 *
 * <p>The id is exported and initialised like a synced field, is never changed when an
 * update is applied, and is how elements of a synced collection are matched between
 * terminals. At most one field per class hierarchy carries it. Its type must be a
 * {@code String}, {@code UUID}, {@code long}/{@code Long} or {@code int}/{@code Integer}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MultiSessionId {

    /** The JSON key of the id; empty (the default) means the field's name. */
    String value() default "";
}
