package dev.multisession.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a model class (or an interface its models implement) <em>polymorphic</em>: a synced
 * field or collection declared with this type may hold any of the listed subtypes, and each
 * element travels with a type key, {@code "@type"}, that names its subtype, so that every
 * terminal builds an object of the same class with all of its synced fields.
 *
 * <pre>{@code
 * @MultiSessionSubtypes({CocktailRound.class})
 * public class Round { @MultiSessionId String uid; @MultiSessionField int glasses; }
 *
 * @MultiSessionTypeName("cocktail")
 * public class CocktailRound extends Round { @MultiSessionField String spirit; }
 * }</pre>
 *
 * <p>Every listed class must be a concrete subclass (or implementation) of the annotated type
 * and keep its id. Subtypes compiled in another jar (an extension module that adds a kind of
 * line) need not be listed: a class that extends a polymorphic model and carries
 * {@link MultiSessionTypeName} registers itself. The processor writes, for each subtype, the
 * class-path resources {@code META-INF/multisession/subtypes/<base binary name>/<type name>} and
 * {@code META-INF/multisession/type-names/<binary name>}, which the runtime reads through the
 * class loaders of the base type and of the current thread.
 *
 * <p>A terminal that receives a type name it does not know reads the element as the base class
 * when the base is concrete (and warns once), and reports the order as out of sync when the base
 * is abstract or an interface.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MultiSessionSubtypes {

    /** The subtypes a field of the annotated type may hold, besides the type itself when it is concrete. */
    Class<?>[] value();
}
