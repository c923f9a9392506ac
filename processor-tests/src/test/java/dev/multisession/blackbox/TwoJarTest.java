package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A base model compiled into a jar, and an extension compiled later against that jar only: the
 * processor reads the base's synced fields from its class files and chains to its codec.
 */
class TwoJarTest {

    @TempDir
    Path work;

    @Test
    void aSubclassCompiledAgainstAJarChainsToTheBaseCodec() throws Exception {
        Path baseSources = write("base-src/base/Line.java", """
                package base;
                import dev.multisession.annotations.*;
                public class Line {
                    @MultiSessionId public String uid;
                    @MultiSessionField(value = "qty", merge = Merge.COUNTER) public int quantity;
                }
                """).getParent().getParent();
        write("base-src/base/Ticket.java", """
                package base;
                import dev.multisession.annotations.*;
                import java.util.*;
                public class Ticket<L extends Line> {
                    @MultiSessionId public String uid;
                    @MultiSessionField private String name;
                    @MultiSessionField public List<L> lines = new ArrayList<>();
                    public String getName() { return name; }
                    public void setName(String name) { this.name = name; }
                }
                """);
        Path baseClasses = Files.createDirectories(work.resolve("base-classes"));
        Javac.Outcome base = Javac.compile(baseSources, baseClasses, List.of());
        assertTrue(base.success(), base.output());
        Path baseJar = Javac.jar(baseClasses, work.resolve("base.jar"));

        Path extSources = write("ext-src/ext/BarLine.java", """
                package ext;
                import dev.multisession.annotations.*;
                public class BarLine extends base.Line {
                    @MultiSessionField public boolean poured;
                }
                """).getParent().getParent();
        write("ext-src/ext/BarTicket.java", """
                package ext;
                import dev.multisession.annotations.*;
                public class BarTicket extends base.Ticket<BarLine> {
                    @MultiSessionField public String tab;
                }
                """);
        Path extClasses = Files.createDirectories(work.resolve("ext-classes"));
        Javac.Outcome ext = Javac.compile(extSources, extClasses, List.of(baseJar));
        assertTrue(ext.success(), ext.output());
        assertTrue(Files.exists(extClasses.resolve("ext/BarTicket_MultiSession.java")));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {baseJar.toUri().toURL(), extClasses.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> ticketClass = loader.loadClass("ext.BarTicket");
            exercise(MultiSessionCodecs.forClass(ticketClass), loader);
        }
    }

    private static <T> void exercise(MultiSessionCodec<T> codec, ClassLoader loader) throws Exception {
        ObjectMapper json = new ObjectMapper();
        T ticket = codec.newInstance();
        codec.initFromJson(ticket, json.readTree(
                "{\"uid\":\"t1\",\"name\":\"Bar 1\",\"tab\":\"Sam\",\"lines\":[{\"uid\":\"a\",\"qty\":2,\"poured\":true}]}"));
        assertEquals("{\"uid\":\"t1\",\"name\":\"Bar 1\",\"lines\":[{\"uid\":\"a\",\"qty\":2,\"poured\":true}],\"tab\":\"Sam\"}",
                codec.exportAsJson(ticket).toString());
        List<?> lines = (List<?>) ticket.getClass().getField("lines").get(ticket);
        assertEquals(loader.loadClass("ext.BarLine"), lines.get(0).getClass());

        Object line = lines.get(0);
        Set<String> changed = codec.applyMsData(ticket, json.readTree(
                "{\"tab\":\"Kim\",\"lines\":[{\"uid\":\"a\",\"poured\":false},{\"uid\":\"b\"}]}"));
        assertEquals(Set.of("tab", "lines"), changed);
        List<?> after = (List<?>) ticket.getClass().getField("lines").get(ticket);
        assertEquals(2, after.size());
        assertTrue(after.get(0) == line, "the existing line is updated in place");
        assertEquals(List.of("uid", "name", "lines", "tab"),
                codec.fields().stream().map(f -> f.jsonKey()).toList());
    }

    private Path write(String relative, String source) throws Exception {
        Path file = work.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source);
    }
}
