package dev.multisession.runtime.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The type names of polymorphic models, read from the resources the processor writes beside
 * the classes: {@code META-INF/multisession/type-names/<binary name>} holds a class's type name,
 * {@code META-INF/multisession/subtypes/<base binary name>/<type name>} the binary name of the
 * subtype that name stands for under that base. A subtype compiled in another jar brings its own
 * resources, so nothing is aggregated at compile time.
 *
 * <p>Resources are looked up through the base type's class loader first and then the current
 * thread's context class loader: an extension jar may be visible only to the latter (an
 * application server, a plug-in loader); a name is one class across both, or a clash. Results
 * are cached per base, failures too: a name that resolves to no class is remembered as unknown
 * (up to {@link #UNKNOWN_NAMES_KEPT} of them),
 * and a clash or a class without a type name is reported again from the cache, without
 * searching every jar again for each object.
 */
final class TypeNames {

    static final String TYPE_NAMES = "META-INF/multisession/type-names/";
    static final String SUBTYPES = "META-INF/multisession/subtypes/";

    /**
     * How many names that stand for no class are remembered per base. The names come from
     * peers: past this bound an unknown name is searched for again each time rather than kept,
     * so a peer sending ever new names costs searches, never memory.
     */
    static final int UNKNOWN_NAMES_KEPT = 1_000;

    private final Class<?> base;
    private final ConcurrentMap<String, Lookup<Optional<Class<?>>>> byName = new ConcurrentHashMap<>();
    private final AtomicInteger unknownNamesKept = new AtomicInteger();
    private final ConcurrentMap<Class<?>, Lookup<Named>> byClass = new ConcurrentHashMap<>();

    TypeNames(Class<?> base) {
        this.base = base;
    }

    /**
     * The subtype of the base that {@code name} stands for, or empty if no loader knows it.
     *
     * @throws IllegalStateException if two jars give the name to different classes
     */
    Optional<Class<?>> subtype(String name) {
        if (!validName(name)) {
            return Optional.empty();
        }
        Lookup<Optional<Class<?>>> known = byName.get(name);
        if (known != null) {
            return known.get();
        }
        Lookup<Optional<Class<?>>> found = Lookup.of(() -> find(name)); // not in computeIfAbsent: it may load classes
        boolean unknown = found.failure() == null && found.value().isEmpty();
        // counted up to the bound only: a count of every unknown name would wrap after 2^31 of them and keep names again
        if (unknown && unknownNamesKept.getAndUpdate(n -> n < UNKNOWN_NAMES_KEPT ? n + 1 : n) >= UNKNOWN_NAMES_KEPT) {
            return found.get();
        }
        Lookup<Optional<Class<?>>> first = byName.putIfAbsent(name, found);
        return (first != null ? first : found).get();
    }

    /** How many names are remembered now, known or not. */
    int namesRemembered() {
        return byName.size();
    }

    /** The nearest class of {@code type}'s hierarchy (itself first) that has a type name, and that name. */
    Named named(Class<?> type) {
        Lookup<Named> known = byClass.get(type);
        if (known == null) {
            known = Lookup.of(() -> findNamed(type));
            byClass.putIfAbsent(type, known); // not computeIfAbsent: reading resources may load classes
        }
        return known.get();
    }

    private Named findNamed(Class<?> type) {
        for (Class<?> current = type; current != null && base.isAssignableFrom(current);
                current = current.getSuperclass()) {
            Optional<String> name = read(TYPE_NAMES + current.getName(), loadersOf(current));
            if (name.isPresent() && !validName(name.get())) {
                // written by hand or damaged: sending it would make every other terminal misread the object
                throw new IllegalStateException("the resource " + TYPE_NAMES + current.getName() + " holds \""
                        + name.get() + "\", which is no type name: rebuild the jar of " + current.getName()
                        + " with multisession-processor");
            }
            if (name.isPresent()) {
                return new Named(current, name.get());
            }
        }
        throw new IllegalArgumentException("a " + type.getName() + " stands where a polymorphic " + base.getName()
                + " is declared, but it has no type name: list it in @MultiSessionSubtypes of " + base.getSimpleName()
                + " or annotate it with @MultiSessionTypeName, and compile it with multisession-processor");
    }

    /** A class that has a type name. */
    record Named(Class<?> type, String name) {}

    private Optional<Class<?>> find(String name) {
        String resource = SUBTYPES + base.getName() + "/" + name;
        // every loader's resources together: a name given to one class by the base's jars and to
        // another by a jar only the context loader sees is as much a clash as two jars of one
        // loader; each class is loaded through the first loader whose resources name it
        Map<String, ClassLoader> classes = new LinkedHashMap<>();
        for (ClassLoader loader : loadersOf(base)) {
            try {
                Enumeration<URL> urls = loader.getResources(resource);
                while (urls.hasMoreElements()) {
                    classes.putIfAbsent(text(urls.nextElement()), loader);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        if (classes.size() > 1) {
            throw new IllegalStateException("type name \"" + name + "\" of " + base.getName()
                    + " is given to several classes " + classes.keySet() + ": rename one with @MultiSessionTypeName");
        }
        for (Map.Entry<String, ClassLoader> named : classes.entrySet()) {
            try {
                Class<?> subtype = Class.forName(named.getKey(), false, named.getValue());
                if (base.isAssignableFrom(subtype)) {
                    return Optional.of(subtype);
                }
            } catch (ClassNotFoundException e) {
                // the resource is there but the class is not (a partial deployment): unknown
            }
        }
        return Optional.empty();
    }

    /** A lookup's result, or the failure it met, kept so that the failure is reported again without searching. */
    private record Lookup<T>(T value, RuntimeException failure) {

        static <T> Lookup<T> of(Supplier<T> search) {
            try {
                return new Lookup<>(search.get(), null);
            } catch (IllegalStateException | IllegalArgumentException e) {
                return new Lookup<>(null, e);
            }
        }

        T get() {
            if (failure == null) {
                return value;
            }
            // a new exception each time, with this caller's stack, saying what the search met
            RuntimeException again = failure instanceof IllegalArgumentException
                    ? new IllegalArgumentException(failure.getMessage())
                    : new IllegalStateException(failure.getMessage());
            again.addSuppressed(failure);
            throw again;
        }
    }

    private static Optional<String> read(String resource, List<ClassLoader> loaders) {
        for (ClassLoader loader : loaders) {
            URL url = loader.getResource(resource);
            if (url != null) {
                return Optional.of(text(url));
            }
        }
        return Optional.empty();
    }

    private static String text(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static List<ClassLoader> loadersOf(Class<?> type) {
        List<ClassLoader> loaders = new ArrayList<>(2);
        ClassLoader own = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        loaders.add(own);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != own) {
            loaders.add(context);
        }
        return loaders;
    }

    /** What the processor accepts as a type name; anything else never names a resource. */
    static boolean validName(String name) {
        if (name == null || name.isEmpty() || name.length() > 100 || name.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                    || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
