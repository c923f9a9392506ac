package dev.multisession.runtime.codec.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.SyncedField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelValuesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void aNullElementIsRefusedWhenTheCollectionIsReadWhole() {
        ArrayNode lines = JSON.arrayNode().add(line(1, "soup")).addNull();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ModelValues.readAll(LineCodec.INSTANCE, lines, "lines", ArrayList::new));
        assertEquals("'lines[1]' is null, but an element of a collection of models must be an object (remove it"
                + " from the array instead)", error.getMessage());
    }

    @Test
    void aNullElementIsRefusedTheSameWayWhenAppliedById() {
        ArrayNode lines = JSON.arrayNode().add(line(1, "soup")).addNull();
        List<Line> current = new ArrayList<>(List.of(new Line(1, "soup")));
        IllegalArgumentException applied = assertThrows(IllegalArgumentException.class,
                () -> ModelValues.applyAll(LineCodec.INSTANCE, current, lines, "lines", new HashSet<>(), ArrayList::new));
        IllegalArgumentException created = assertThrows(IllegalArgumentException.class,
                () -> ModelValues.applyAll(LineCodec.INSTANCE, null, lines, "lines", new HashSet<>(), ArrayList::new));
        assertEquals(applied.getMessage(), created.getMessage());
        assertTrue(applied.getMessage().startsWith("'lines[1]' is null"), applied.getMessage());
    }

    @Test
    void anElementOfAnotherTypeNamesItsIndex() {
        ArrayNode lines = JSON.arrayNode().add(line(1, "soup")).add("tea");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ModelValues.readAll(LineCodec.INSTANCE, lines, "lines", ArrayList::new));
        assertTrue(error.getMessage().startsWith("'lines[1]' must be an object"), error.getMessage());
    }

    @Test
    void aFailureDeepInNestedCollectionsNamesItsPathAndIsReadOnce() {
        AtomicInteger reads = new AtomicInteger();
        ValueCodec<String> counted = new ValueCodec<>() {
            @Override
            public JsonNode toJson(String value) {
                return TextNode.valueOf(value);
            }

            @Override
            public String fromJson(JsonNode node, String key) {
                reads.incrementAndGet();
                return ValueReads.readString(node, key);
            }
        };
        ValueCodec<?> codec = ValueCodecs.mapOf(counted);
        JsonNode json = JSON.objectNode().put("bad", 7);
        for (int depth = 0; depth < 16; depth++) {
            codec = ValueCodecs.listOf(codec);
            json = JSON.arrayNode().add(json);
        }
        ValueCodec<?> deep = codec;
        JsonNode deepJson = json;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> deep.fromJson(deepJson, "m"));
        assertTrue(error.getMessage().startsWith("'" + "m" + "[0]".repeat(16) + ".bad' must be a string"),
                error.getMessage());
        assertEquals(1, reads.get(), "the failing value was read again to name its path");
    }

    @Test
    void aCollectionThatCannotBeChangedIsReplacedByANewOneHoldingTheUpdatedElements() {
        // List.of() and unmodifiable views are common initial values of a model's collection field
        Line soup = new Line(1, "soup");
        Set<String> changed = new HashSet<>();
        List<Line> after = ModelValues.applyAll(LineCodec.INSTANCE, List.of(soup),
                JSON.arrayNode().add(line(1, "broth")).add(line(2, "tea")), "lines", changed, ArrayList::new);
        assertEquals(Set.of("lines"), changed);
        assertEquals(2, after.size());
        assertSame(soup, after.get(0), "the matching element is applied in place");
        assertEquals("broth", soup.name);
        assertEquals("tea", after.get(1).name);

        List<Line> fromEmpty = ModelValues.applyAll(LineCodec.INSTANCE, List.<Line>of(),
                JSON.arrayNode().add(line(3, "cake")), "lines", new HashSet<>(), ArrayList::new);
        assertEquals(1, fromEmpty.size());
        assertEquals("cake", fromEmpty.get(0).name);
    }

    @Test
    void aChangeableCollectionIsKept() {
        List<Line> current = new ArrayList<>(List.of(new Line(1, "soup")));
        List<Line> after = ModelValues.applyAll(LineCodec.INSTANCE, current,
                JSON.arrayNode().add(line(1, "soup")).add(line(2, "tea")), "lines", new HashSet<>(), ArrayList::new);
        assertSame(current, after);
        assertEquals(2, current.size());
    }

    private static ObjectNode line(long id, String name) {
        return JSON.objectNode().put("id", id).put("name", name);
    }

    static final class Line {
        long id;
        String name;

        Line() {}

        Line(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** A codec like the processor's for a model with an id. */
    static final class LineCodec implements MultiSessionCodec<Line> {
        static final LineCodec INSTANCE = new LineCodec();

        @Override
        public Class<Line> modelType() {
            return Line.class;
        }

        @Override
        public Line newInstance() {
            return new Line();
        }

        @Override
        public ObjectNode exportAsJson(Line model) {
            return line(model.id, model.name);
        }

        @Override
        public void initFromJson(Line model, JsonNode json) {
            model.id = json.path("id").asLong();
            model.name = ValueReads.readString(json.path("name"), "name");
        }

        @Override
        public Set<String> applyMsData(Line model, JsonNode data) {
            String name = ValueReads.readString(data.path("name"), "name");
            if (name.equals(model.name)) {
                return Set.of();
            }
            model.name = name;
            return Set.of("name");
        }

        @Override
        public List<SyncedField> fields() {
            return List.of(SyncedField.value("id", Merge.LAST_WRITER_WINS), SyncedField.value("name", Merge.LAST_WRITER_WINS));
        }

        @Override
        public Optional<String> idKey() {
            return Optional.of("id");
        }
    }
}
