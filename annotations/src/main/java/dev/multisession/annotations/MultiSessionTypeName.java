package dev.multisession.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name under which a model class is written in the type key ({@code "@type"}) of a
 * polymorphic field (see {@link MultiSessionSubtypes}). Without it the name is the class's simple
 * name ({@code CocktailRound}). A name is 1 to 100 characters among letters, digits, {@code _},
 * {@code -} and {@code .}, and is unique among the subtypes of one base; renaming it is a change
 * of the protocol: terminals still on the old name read such elements as unknown subtypes.
 *
 * <p>A subclass of a polymorphic model compiled in another jar carries this annotation to register
 * itself as a subtype of it without being listed in the base's {@code @MultiSessionSubtypes}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MultiSessionTypeName {

    /** The type name; empty (the default) means the class's simple name. */
    String value() default "";
}
