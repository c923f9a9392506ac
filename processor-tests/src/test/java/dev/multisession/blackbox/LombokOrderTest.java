package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models whose private fields are reached through accessors Lombok writes, compiled with the real
 * Lombok jar before and after the processor on the processor path, under {@code -Werror}: the codecs
 * are the same either way and round-trip.
 */
class LombokOrderTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "lombok {0} the processor")
    @ValueSource(strings = {"before", "after"})
    void modelsWithLombokAccessorsGetWorkingCodecsInEitherOrder(String order) throws Exception {
        writeLombokModels();
        // a model without Lombok: its codec is written in the first round, so a second round follows
        write("shop/Note.java", """
                package shop;
                import dev.multisession.annotations.*;
                public class Note {
                    @MultiSessionField public String text;
                }
                """);

        Path classes = compile(order);

        roundTrip(classes);
    }

    @Test
    void lombokListedAfterTheProcessorWithNoOtherRoundLeftStillGivesCodecs() throws Exception {
        // only Lombok models: nothing is written in the first round, so the codecs come in the last one
        writeLombokModels();

        Path classes = compile("after");

        roundTrip(classes);
    }

    private void writeLombokModels() throws Exception {
        write("shop/Ticket.java", """
                package shop;
                import dev.multisession.annotations.*;
                import java.util.*;
                import lombok.Getter;
                import lombok.Setter;
                @Getter @Setter
                public class Ticket {
                    @MultiSessionId private String uid;
                    @MultiSessionField("table_id") private String table;
                    @MultiSessionField private int guests;
                    @MultiSessionField private List<Line> lines = new ArrayList<>();
                }
                """);
        write("shop/Line.java", """
                package shop;
                import dev.multisession.annotations.*;
                @lombok.Data
                public class Line {
                    @MultiSessionId private String uid;
                    @MultiSessionField(value = "qty", merge = Merge.COUNTER) private int quantity;
                    @MultiSessionField private boolean sent;
                    // Lombok names a boolean isX's accessors isX() and setX(value)
                    @MultiSessionField private boolean isVoided;
                }
                """);
        // chains to the codec of a class that itself waits for Lombok
        write("shop/BarTicket.java", """
                package shop;
                import dev.multisession.annotations.*;
                public class BarTicket extends Ticket {
                    @lombok.Getter @lombok.Setter @MultiSessionField private String tab;
                }
                """);
    }

    private Path compile(String order) throws Exception {
        Path processor = Javac.processorJar();
        Path lombok = lombokJar();
        List<Path> processorPath = order.equals("before") ? List.of(lombok, processor) : List.of(processor, lombok);
        Path classes = Files.createDirectories(work.resolve("classes"));
        Javac.Outcome outcome = Javac.compileInOwnProcess(work.resolve("src"), classes, processorPath);
        assertTrue(outcome.success(), outcome.output());
        for (String codec : List.of("Ticket", "Line", "BarTicket")) {
            assertTrue(Files.exists(classes.resolve("shop/" + codec + "_MultiSession.class")), codec);
        }
        return classes;
    }

    private static void roundTrip(Path classes) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                LombokOrderTest.class.getClassLoader())) {
            exercise(MultiSessionCodecs.forClass(loader.loadClass("shop.BarTicket")));
        }
    }

    private static <T> void exercise(MultiSessionCodec<T> codec) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String sent = "{\"uid\":\"t1\",\"table_id\":\"T5\",\"guests\":4,"
                + "\"lines\":[{\"uid\":\"a\",\"qty\":2,\"sent\":true,\"isVoided\":true}],\"tab\":\"Sam\"}";
        T ticket = codec.newInstance();
        codec.initFromJson(ticket, json.readTree(sent));
        assertEquals(sent, codec.exportAsJson(ticket).toString());
        assertEquals("T5", ticket.getClass().getMethod("getTable").invoke(ticket), "set through Lombok's setter");

        Object line = ((List<?>) ticket.getClass().getMethod("getLines").invoke(ticket)).get(0);
        assertEquals(true, line.getClass().getMethod("isVoided").invoke(line), "set through Lombok's setVoided");
        Set<String> changed = codec.applyMsData(ticket, json.readTree(
                "{\"guests\":5,\"tab\":\"Kim\",\"lines\":[{\"uid\":\"a\",\"sent\":false}]}"));
        assertEquals(Set.of("guests", "tab", "lines"), changed);
        assertEquals(false, line.getClass().getMethod("isSent").invoke(line), "the line is updated in place");
        assertEquals("Kim", ticket.getClass().getMethod("getTab").invoke(ticket));
    }

    private void write(String relative, String source) throws Exception {
        Path file = work.resolve("src").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    /** The Lombok jar this module has as a test dependency. */
    private static Path lombokJar() throws Exception {
        URL resource = LombokOrderTest.class.getClassLoader().getResource("lombok/Getter.class");
        assumeTrue(resource != null && resource.getProtocol().equals("jar"), "lombok is not on the test class path");
        String location = resource.getPath();
        return Path.of(new URI(location.substring(0, location.indexOf("!/"))));
    }
}
