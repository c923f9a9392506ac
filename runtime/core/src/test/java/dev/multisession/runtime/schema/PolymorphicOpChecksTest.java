package dev.multisession.runtime.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.json.JsonMappers;
import dev.multisession.runtime.protocol.Op;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hub bound to a model with polymorphic types refuses, as a table on the processor's schema
 * of {@code com.acme.bar.Tab}: rounds of a concrete base ({@code Round}, {@code cocktail}), drinks of
 * an interface ({@code Beer}, {@code wine}) and one polymorphic nested round. An operation, and the
 * start of its refusal (empty: accepted).
 */
class PolymorphicOpChecksTest {

    private static final SessionSchema TAB = schema("schema/com.acme.bar.Tab.json");
    private static final String STATE = """
            {"uid":"T1",
             "rounds":[{"@type":"cocktail","uid":"R1","glasses":2,"spirit":"rum","shots":1},
                       {"@type":"Round","uid":"R2","glasses":1}],
             "drinks":[{"@type":"Beer","uid":"D1","pints":1}],
             "special":{"@type":"cocktail","uid":"S1","glasses":1,"spirit":"gin","shots":0}}""";

    static Stream<Arguments> ops() {
        return Stream.of(
                row("an insert of a subtype", "{op:'insert',path:['rounds',{uid:'R3'}],"
                        + "value:{'@type':'cocktail',uid:'R3',glasses:1,spirit:'rum',shots:2},afterId:null}", ""),
                row("an insert of the concrete base", "{op:'insert',path:['rounds',{uid:'R3'}],"
                        + "value:{'@type':'Round',uid:'R3',glasses:1},afterId:null}", ""),
                row("an insert without its type", "{op:'insert',path:['rounds',{uid:'R3'}],"
                        + "value:{uid:'R3',glasses:1},afterId:null}",
                        "path [rounds, {uid=\"R3\"}]: the value lacks its type key \"@type\" (one of [Round, cocktail])"),
                row("an insert of an unknown type", "{op:'insert',path:['rounds',{uid:'R3'}],"
                        + "value:{'@type':'mojito',uid:'R3',glasses:1},afterId:null}",
                        "path [rounds, {uid=\"R3\"}]: the value.@type must be one of the types [Round, cocktail] of Round,"
                                + " not \"mojito\""),
                row("an insert whose type is no string", "{op:'insert',path:['rounds',{uid:'R3'}],"
                        + "value:{'@type':7,uid:'R3',glasses:1},afterId:null}",
                        "path [rounds, {uid=\"R3\"}]: the value.@type must be one of the types"),
                row("a subtype's field on the base", "{op:'insert',path:['rounds',{uid:'R3'}],"
                        + "value:{'@type':'Round',uid:'R3',spirit:'rum'},afterId:null}",
                        "path [rounds, {uid=\"R3\"}]: the value.spirit is not a field of Round"),
                row("a subtype's field of the wrong kind", "{op:'insert',path:['rounds',{uid:'R3'}],"
                        + "value:{'@type':'cocktail',uid:'R3',shots:'many'},afterId:null}",
                        "path [rounds, {uid=\"R3\"}]: the value.shots must be an integer"),
                row("an insert onto an element of another type", "{op:'insert',path:['rounds',{uid:'R2'}],"
                        + "value:{'@type':'cocktail',uid:'R2',spirit:'rum'},afterId:null}",
                        "path [rounds, {uid=\"R2\"}]: the element is of type \"Round\" and its type never changes"),
                row("an insert onto an element of its own type", "{op:'insert',path:['rounds',{uid:'R1'}],"
                        + "value:{'@type':'cocktail',uid:'R1',spirit:'gin'},afterId:null}", ""),
                row("a set of a subtype's field", "{op:'set',path:['rounds',{uid:'R1'},'spirit'],value:'gin'}", ""),
                row("a set of a subtype's field on the base", "{op:'set',path:['rounds',{uid:'R2'},'spirit'],value:'gin'}",
                        "path [rounds, {uid=\"R2\"}, spirit]: \"spirit\" is not a field of Round"),
                row("an add on a subtype's counter", "{op:'add',path:['rounds',{uid:'R1'},'shots'],delta:1}", ""),
                row("a set of the type key", "{op:'set',path:['rounds',{uid:'R1'},'@type'],value:'Round'}",
                        "path [rounds, {uid=\"R1\"}, @type]: the type key \"@type\" comes with its object and never changes"),
                row("an unset of the type key", "{op:'unset',path:['rounds',{uid:'R1'},'@type']}",
                        "path [rounds, {uid=\"R1\"}, @type]: the type key"),
                row("a field of an element gone", "{op:'set',path:['rounds',{uid:'R9'},'spirit'],value:'gin'}", ""),
                row("a delete", "{op:'delete',path:['rounds',{uid:'R1'}]}", ""),
                row("an interface's subtype", "{op:'insert',path:['drinks',{uid:'D2'}],"
                        + "value:{'@type':'wine',uid:'D2',grape:'Merlot'},afterId:'D1'}", ""),
                row("an interface's unknown subtype", "{op:'insert',path:['drinks',{uid:'D2'}],"
                        + "value:{'@type':'Water',uid:'D2'},afterId:'D1'}",
                        "path [drinks, {uid=\"D2\"}]: the value.@type must be one of the types [Beer, wine] of Drink"),
                row("a field of the interface's subtype", "{op:'set',path:['drinks',{uid:'D1'},'pints'],value:2}", ""),
                row("a nested polymorphic model's field", "{op:'set',path:['special','spirit'],value:'rum'}", ""),
                row("a nested model's type key", "{op:'set',path:['special','@type'],value:'Round'}",
                        "path [special, @type]: the type key"),
                row("a whole nested model of another type", "{op:'set',path:['special'],"
                        + "value:{'@type':'Round',uid:'S1',glasses:3}}", ""),
                row("a whole nested model without its type", "{op:'set',path:['special'],value:{uid:'S1',glasses:3}}",
                        "path [special] lacks its type key \"@type\""),
                row("a whole list with an unknown type", "{op:'set',path:['rounds'],"
                        + "value:[{'@type':'Round',uid:'R1'},{'@type':'mojito',uid:'R2'}]}",
                        "path [rounds][1].@type must be one of the types"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void anOperationOnAPolymorphicTab(String op, String refusal) throws IOException {
        String found = OpChecks.against(TAB, UnknownKeys.REFUSE).check(state(), op(op));
        if (refusal.isEmpty()) {
            assertNull(found, op);
        } else {
            assertNotNull(found, op + " must be refused");
            assertTrue(found.startsWith(refusal), "refusal of " + op + ": " + found);
        }
    }

    @Test
    void theTypeKeyIsRefusedEvenWhenUnknownKeysPassThrough() throws IOException {
        assertNotNull(OpChecks.against(TAB, UnknownKeys.PASS_THROUGH)
                .check(state(), op("{op:'set',path:['rounds',{uid:'R1'},'@type'],value:'Round'}")));
    }

    @Test
    void aFieldOfANestedPolymorphicModelNeedsItsObjectFirst() throws IOException {
        ObjectNode state = state();
        state.remove("special");
        String found = OpChecks.against(TAB, UnknownKeys.REFUSE).check(state, op("{op:'set',path:['special','spirit'],value:'x'}"));
        assertNotNull(found);
        assertTrue(found.startsWith("path [special]: holds no object of a known type yet"), found);
    }

    @Test
    void theSchemaReadsTheSubtypesOfEachPolymorphicModel() {
        assertEquals(Map.of("Round", "com.acme.bar.Round", "cocktail", "com.acme.bar.CocktailRound"),
                TAB.model("com.acme.bar.Round").subtypes());
        assertEquals(Map.of("Beer", "com.acme.bar.Beer", "wine", "com.acme.bar.Wine"),
                TAB.model("com.acme.bar.Drink").subtypes());
        assertTrue(TAB.model("com.acme.bar.CocktailRound").subtypes().isEmpty());
    }

    @Test
    void aSubtypeTheSchemaDoesNotDefineIsRefusedWhenRead() {
        String text = """
                {"$ref":"#/$defs/a.Tab","$defs":{"a.Tab":{"properties":{},
                  "x-multisession-type-key":"@type","x-multisession-subtypes":{"x":"#/$defs/a.X"}}}}""";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchemaJson.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "inline"));
        assertTrue(e.getMessage().contains("type \"x\" of a.Tab names model a.X"), e.getMessage());
    }

    private static ObjectNode state() throws IOException {
        return (ObjectNode) JsonMappers.protocol().readTree(STATE);
    }

    private static Op op(String relaxed) throws IOException {
        String json = relaxed.replace('\'', '"').replaceAll("([{,])(\\w+):", "$1\"$2\":");
        JsonNode node = JsonMappers.protocol().readTree(json);
        return JsonMappers.protocol().treeToValue(node, Op.class);
    }

    private static Arguments row(String name, String op, String refusal) {
        return Arguments.of(Named.of(name, op), refusal);
    }

    private static SessionSchema schema(String resource) {
        try (InputStream in = PolymorphicOpChecksTest.class.getClassLoader().getResourceAsStream(resource)) {
            return SchemaJson.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
