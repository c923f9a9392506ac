package dev.multisession.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.codec.fixture.PolyBase;
import dev.multisession.runtime.codec.fixture.PolySub;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link TypeNames} finds subtypes by their resources: across the base's and the context loader, once. */
class TypeNamesTest {

    @TempDir
    Path dir;

    /** Loads {@link PolyBase} and {@link PolySub} anew and serves the resources it was given, counting the look-ups. */
    private final class Jar extends ClassLoader {
        final Map<String, String> resources = new HashMap<>();
        final AtomicInteger lookups = new AtomicInteger();

        Jar(ClassLoader parent) {
            super(parent);
        }

        Jar with(String resource, String text) {
            resources.put(resource, text);
            return this;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(PolyBase.class.getName()) && !name.equals(PolySub.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = TypeNamesTest.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }

        @Override
        protected URL findResource(String name) {
            lookups.incrementAndGet();
            String text = resources.get(name);
            return text == null ? null : file(text);
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            URL url = findResource(name);
            return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
        }

        private URL file(String text) {
            try {
                Path file = Files.createTempFile(dir, "resource", ".txt");
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return file.toUri().toURL();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String subtypes(String name) {
        return TypeNames.SUBTYPES + PolyBase.class.getName() + "/" + name;
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void aNameTheBasesJarsAndTheContextLoadersJarsGiveToDifferentClassesIsAClash() throws Exception {
        Jar own = new Jar(TypeNamesTest.class.getClassLoader()).with(subtypes("sub"), PolySub.class.getName());
        Jar plugin = new Jar(null).with(subtypes("sub"), "com.example.OtherSub");
        TypeNames names = new TypeNames(own.loadClass(PolyBase.class.getName()));
        IllegalStateException clash = assertThrows(IllegalStateException.class,
                () -> withContextLoader(plugin, () -> names.subtype("sub")));
        assertTrue(clash.getMessage().contains("is given to several classes [" + PolySub.class.getName()
                + ", com.example.OtherSub]"), clash.getMessage());
    }

    @Test
    void aNameBothLoadersGiveToOneClassIsThatClass() throws Exception {
        Jar own = new Jar(TypeNamesTest.class.getClassLoader()).with(subtypes("sub"), PolySub.class.getName());
        Jar child = new Jar(own).with(subtypes("sub"), PolySub.class.getName()); // sees its parent's resource too
        Class<?> base = own.loadClass(PolyBase.class.getName());
        TypeNames names = new TypeNames(base);
        assertEquals(Optional.of(own.loadClass(PolySub.class.getName())),
                withContextLoader(child, () -> names.subtype("sub")));
    }

    @Test
    void aClashIsReportedAgainWithoutSearchingTheJarsAgain() throws Exception {
        Jar own = new Jar(TypeNamesTest.class.getClassLoader()).with(subtypes("sub"), PolySub.class.getName());
        Jar plugin = new Jar(null).with(subtypes("sub"), "com.example.OtherSub");
        TypeNames names = new TypeNames(own.loadClass(PolyBase.class.getName()));
        assertThrows(IllegalStateException.class, () -> withContextLoader(plugin, () -> names.subtype("sub")));
        int searched = own.lookups.get();
        IllegalStateException again = assertThrows(IllegalStateException.class,
                () -> withContextLoader(plugin, () -> names.subtype("sub")));
        assertTrue(again.getMessage().contains("is given to several classes"), again.getMessage());
        assertEquals(searched, own.lookups.get(), "answered from the cache");
    }

    @Test
    void aClassWithoutATypeNameIsReportedAgainWithoutSearchingTheJarsAgain() throws Exception {
        Jar own = new Jar(TypeNamesTest.class.getClassLoader());
        Class<?> sub = own.loadClass(PolySub.class.getName());
        TypeNames names = new TypeNames(own.loadClass(PolyBase.class.getName()));
        assertThrows(IllegalArgumentException.class, () -> names.named(sub));
        int searched = own.lookups.get();
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> names.named(sub));
        assertTrue(again.getMessage().contains("has no type name"), again.getMessage());
        assertEquals(searched, own.lookups.get(), "answered from the cache");
    }

    @Test
    void aTypeNamesResourceThatHoldsNoTypeNameIsRefusedNamingTheResource() throws Exception {
        String resource = TypeNames.TYPE_NAMES + PolySub.class.getName();
        Jar own = new Jar(TypeNamesTest.class.getClassLoader()).with(resource, "not a type name!");
        Class<?> sub = own.loadClass(PolySub.class.getName());
        TypeNames names = new TypeNames(own.loadClass(PolyBase.class.getName()));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> names.named(sub));
        assertTrue(refused.getMessage().contains("the resource " + resource + " holds \"not a type name!\", which is"
                + " no type name"), refused.getMessage());
    }

    @Test
    void namesThatStandForNoClassAreRememberedOnlyUpToTheBoundWhateverAPeerSends() throws Exception {
        Jar own = new Jar(TypeNamesTest.class.getClassLoader()).with(subtypes("sub"), PolySub.class.getName());
        TypeNames names = new TypeNames(own.loadClass(PolyBase.class.getName()));
        assertTrue(names.subtype("sub").isPresent());
        for (int i = 0; i < TypeNames.UNKNOWN_NAMES_KEPT + 500; i++) {
            assertEquals(Optional.empty(), names.subtype("unknown" + i));
        }
        assertEquals(TypeNames.UNKNOWN_NAMES_KEPT + 1, names.namesRemembered(), "the bound, and the one known name");

        int searched = own.lookups.get();
        assertEquals(Optional.empty(), names.subtype("unknown7"));
        assertEquals(searched, own.lookups.get(), "a name kept is answered from the cache");
        assertEquals(Optional.empty(), names.subtype("unknown" + (TypeNames.UNKNOWN_NAMES_KEPT + 7)));
        assertTrue(own.lookups.get() > searched, "a name past the bound is searched for again");
        assertTrue(names.subtype("sub").isPresent());
    }

    @Test
    void namesPastTheBoundAreNeverKeptHoweverManyArrive() throws Exception {
        Jar own = new Jar(TypeNamesTest.class.getClassLoader());
        TypeNames names = new TypeNames(own.loadClass(PolyBase.class.getName()));
        // as after two thousand million names past the bound, which a counter of every unknown name overflows on
        Field counted = TypeNames.class.getDeclaredField("unknownNamesKept");
        counted.setAccessible(true);
        ((AtomicInteger) counted.get(names)).set(Integer.MAX_VALUE);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), names.subtype("late" + i));
        }
        assertEquals(0, names.namesRemembered());
    }
}
