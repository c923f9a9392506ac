package dev.multisession.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** The valid model sources (test resources under models/valid) that several tests compile as one set. */
final class ValidModels {

    private ValidModels() {
    }

    /** The restaurant order and its lines, with subclasses on both sides. */
    static List<JavaFileObject> restaurant() {
        return sources("com/acme/Orderline", "com/acme/Order", "com/acme/RestaurantOrderline",
                "com/acme/DiscountedOrder", "com/acme/RestaurantOrder");
    }

    /** The bar tab: polymorphic rounds (a concrete base) and drinks (an abstract base). */
    static List<JavaFileObject> bar() {
        return sources("com/acme/bar/Tab", "com/acme/bar/Round", "com/acme/bar/CocktailRound", "com/acme/bar/Drink",
                "com/acme/bar/Beer", "com/acme/bar/Wine");
    }

    /** One model with a field of every supported kind. */
    static List<JavaFileObject> everyKind() {
        return sources("com/acme/kinds/EveryKind");
    }

    /** The given sets as one list. */
    @SafeVarargs
    static List<JavaFileObject> all(List<JavaFileObject>... sets) {
        List<JavaFileObject> all = new ArrayList<>();
        Stream.of(sets).forEach(all::addAll);
        return all;
    }

    private static List<JavaFileObject> sources(String... paths) {
        return Stream.of(paths).map(p -> JavaFileObjects.forResource("models/valid/" + p + ".java")).toList();
    }
}
