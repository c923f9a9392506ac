package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A polymorphic base in one jar and a subtype an extension adds in another, each compiled on its
 * own with the processor jar: the extension registers its subtype through resources, and at run
 * time a tab of the base jar exports, reads and applies rounds of the extension's type, whether the
 * extension is seen through the base's class loader or only through the thread's context loader.
 * Without the extension, the subtype is read as the concrete base.
 */
class PolymorphicModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Path baseJar;
    private Path extJar;

    @BeforeEach
    void compileBothJars() throws Exception {
        Path baseSources = write("base-src/base/Round.java", """
                package base;
                import dev.multisession.annotations.*;
                /** Rounds of drinks; extensions add kinds. */
                @MultiSessionSubtypes({})
                public class Round {
                    @MultiSessionId public String uid;
                    @MultiSessionField public int glasses;
                }
                """).getParent().getParent();
        write("base-src/base/Tab.java", """
                package base;
                import dev.multisession.annotations.*;
                import java.util.*;
                public class Tab {
                    @MultiSessionId public String uid;
                    @MultiSessionField public List<Round> rounds = new ArrayList<>();
                }
                """);
        Path baseClasses = Files.createDirectories(work.resolve("base-classes"));
        Javac.Outcome base = Javac.compile(baseSources, baseClasses, List.of());
        assertTrue(base.success(), base.output());
        baseJar = Javac.jar(baseClasses, work.resolve("base.jar"));

        Path extSources = write("ext-src/ext/CocktailRound.java", """
                package ext;
                import dev.multisession.annotations.*;
                @MultiSessionTypeName("cocktail")
                public class CocktailRound extends base.Round {
                    @MultiSessionField public String spirit;
                }
                """).getParent().getParent();
        Path extClasses = Files.createDirectories(work.resolve("ext-classes"));
        Javac.Outcome ext = Javac.compile(extSources, extClasses, List.of(baseJar));
        assertTrue(ext.success(), ext.output());
        assertEquals("ext.CocktailRound",
                Files.readString(extClasses.resolve("META-INF/multisession/subtypes/base.Round/cocktail")));
        assertEquals("cocktail", Files.readString(extClasses.resolve("META-INF/multisession/type-names/ext.CocktailRound")));
        extJar = Javac.jar(extClasses, work.resolve("ext.jar"));
    }

    @Test
    void anExtensionsSubtypeRoundTripsThroughTheBaseJarsTab() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {baseJar.toUri().toURL(), extJar.toUri().toURL()},
                getClass().getClassLoader())) {
            roundTrip(loader.loadClass("base.Tab"), loader.loadClass("ext.CocktailRound"));
        }
    }

    @Test
    void anExtensionSeenOnlyThroughTheContextClassLoader() throws Exception {
        try (URLClassLoader baseLoader = new URLClassLoader(new URL[] {baseJar.toUri().toURL()}, getClass().getClassLoader());
                URLClassLoader extLoader = new URLClassLoader(new URL[] {extJar.toUri().toURL()}, baseLoader)) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(extLoader);
            try {
                roundTrip(baseLoader.loadClass("base.Tab"), extLoader.loadClass("ext.CocktailRound"));
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    @Test
    void withoutTheExtensionItsSubtypeIsReadAsTheBase() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {baseJar.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> tab = loader.loadClass("base.Tab");
            JsonNode json = JSON.readTree("""
                    {"uid":"T1","rounds":[{"@type":"cocktail","uid":"R1","glasses":2,"spirit":"rum"},
                                          {"@type":"Round","uid":"R2","glasses":1}]}""");
            Object read = read(codec(tab), json);
            List<?> rounds = (List<?>) tab.getField("rounds").get(read);
            assertEquals(2, rounds.size());
            assertSame(loader.loadClass("base.Round"), rounds.get(0).getClass());
            assertEquals(2, rounds.get(0).getClass().getField("glasses").get(rounds.get(0)));
        }
    }

    private static void roundTrip(Class<?> tabClass, Class<?> cocktailClass) throws Exception {
        MultiSessionCodec<Object> codec = codec(tabClass);
        Object tab = codec.newInstance();
        tabClass.getField("uid").set(tab, "T1");
        Object cocktail = cocktailClass.getConstructor().newInstance();
        cocktailClass.getField("uid").set(cocktail, "R1");
        cocktailClass.getField("glasses").set(cocktail, 2);
        cocktailClass.getField("spirit").set(cocktail, "rum");
        @SuppressWarnings("unchecked")
        List<Object> rounds = (List<Object>) tabClass.getField("rounds").get(tab);
        rounds.add(cocktail);

        ObjectNode exported = codec.exportAsJson(tab);
        assertEquals(JSON.readTree("""
                {"uid":"T1","rounds":[{"@type":"cocktail","uid":"R1","glasses":2,"spirit":"rum"}]}"""), exported);

        Object read = read(codec, exported);
        Object element = ((List<?>) tabClass.getField("rounds").get(read)).get(0);
        assertSame(cocktailClass, element.getClass());
        assertEquals("rum", cocktailClass.getField("spirit").get(element));

        ObjectNode update = exported.deepCopy();
        ((ObjectNode) update.get("rounds").get(0)).put("spirit", "gin");
        Set<String> changed = codec.applyMsData(read, update);
        assertEquals(Set.of("rounds"), changed);
        assertSame(element, ((List<?>) tabClass.getField("rounds").get(read)).get(0), "applied in place");
        assertEquals("gin", cocktailClass.getField("spirit").get(element));
    }

    private static Object read(MultiSessionCodec<Object> codec, JsonNode json) {
        Object model = codec.newInstance();
        codec.initFromJson(model, json);
        return model;
    }

    @SuppressWarnings("unchecked")
    private static MultiSessionCodec<Object> codec(Class<?> type) {
        return (MultiSessionCodec<Object>) MultiSessionCodecs.forClass(type);
    }

    private Path write(String relative, String source) throws Exception {
        Path file = work.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source);
    }
}
