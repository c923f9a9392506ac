package dev.multisession.runtime.schema;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.json.JsonMappers;
import dev.multisession.runtime.protocol.Op;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema's rules for operations as a table: an operation on an order of the processor's
 * {@code RestaurantOrder} (or of {@code EveryKind}, a model with a field of every kind), its
 * current state, and the start of the refusal it gets (empty: accepted).
 */
class OpChecksTest {

    private static final SessionSchema ORDER = schema("schema/com.acme.RestaurantOrder.json");
    private static final SessionSchema KINDS = schema("schema/com.acme.kinds.EveryKind.json");
    /** A model with a {@code COUNTER} map of ints and a {@code COUNTER} int. */
    private static final SessionSchema COUNTER_MAP = inline("""
            {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:multisession:schema:com.acme.Tab",
             "$ref":"#/$defs/com.acme.Tab","$defs":{"com.acme.Tab":{"type":"object",
             "x-multisession-java-type":"com.acme.Tab","x-multisession-id":"uid","required":["uid"],"properties":{
              "uid":{"x-multisession-kind":"string","type":"string","x-multisession-merge":"LAST_WRITER_WINS"},
              "covers":{"x-multisession-kind":"integer","type":"integer","minimum":-2147483648,"maximum":2147483647,
                "x-multisession-java-type":"int","x-multisession-merge":"COUNTER"},
              "wine":{"x-multisession-kind":"map","type":["object","null"],"additionalProperties":{
                "x-multisession-kind":"integer","type":"integer","minimum":-2147483648,"maximum":2147483647,
                "x-multisession-java-type":"java.lang.Integer"},"x-multisession-merge":"COUNTER"}}}}}""");
    private static final String STATE = """
            {"uid":"O1","guests":2,"lines":[{"uid":"L1","qty":2147483646,"price_unit":1.50,"printed":false}]}""";

    static Stream<Arguments> orderOps() {
        return Stream.of(
                row("a declared field", "{op:'set',path:['table_id'],value:'T4'}", ""),
                row("null on a nullable field", "{op:'set',path:['table_id'],value:null}", ""),
                row("null on a primitive", "{op:'set',path:['guests'],value:null}", "path [guests] must not be null"),
                row("a string for an int", "{op:'set',path:['guests'],value:'abc'}",
                        "path [guests] must be an integer between -2147483648 and 2147483647, not \"abc\""),
                row("an int beyond its range", "{op:'set',path:['guests'],value:2147483648}", "path [guests] must be an integer"),
                row("a fraction for an int", "{op:'set',path:['guests'],value:1.5}", "path [guests] must be an integer"),
                row("an integral decimal for an int", "{op:'set',path:['guests'],value:3.0}", ""),
                row("a number for a string", "{op:'set',path:['table_id'],value:4}", "path [table_id] must be a string"),
                row("a key the model lacks", "{op:'set',path:['tip'],value:1}", "path [tip]: \"tip\" is not a field of RestaurantOrder"),
                row("a key into a string", "{op:'set',path:['table_id','x'],value:1}", "path [table_id, x]: \"table_id\" holds a string"),
                row("a line's field", "{op:'set',path:['lines',{uid:'L1'},'note'],value:'no ice'}", ""),
                row("a line's field of the wrong kind", "{op:'set',path:['lines',{uid:'L1'},'printed'],value:'yes'}",
                        "path [lines, {uid=\"L1\"}, printed] must be true or false"),
                row("an element by another key", "{op:'set',path:['lines',{id:'L1'},'note'],value:'x'}",
                        "path [lines, {id=\"L1\"}]: the elements of \"lines\" are selected by {\"uid\": id}"),
                row("an element id of the wrong kind", "{op:'set',path:['lines',{uid:7},'note'],value:'x'}",
                        "path [lines, {uid=7}]: the id must be a string"),
                row("a key where an element is due", "{op:'set',path:['lines','note'],value:'x'}",
                        "path [lines, note]: the elements of \"lines\" are selected by {\"uid\": id}"),
                row("a counter add", "{op:'add',path:['lines',{uid:'L1'},'qty'],delta:1}", ""),
                row("a counter add past the int range", "{op:'add',path:['lines',{uid:'L1'},'qty'],delta:2}",
                        "path [lines, {uid=\"L1\"}, qty]: adding 2 gives 2147483648"),
                row("a fractional delta on an int", "{op:'add',path:['lines',{uid:'L1'},'qty'],delta:0.5}",
                        "path [lines, {uid=\"L1\"}, qty]: the delta must be an integer"),
                row("an add on a last-writer-wins field", "{op:'add',path:['guests'],delta:1}",
                        "path [guests]: add is only for COUNTER fields"),
                row("an insert with its id", "{op:'insert',path:['lines',{uid:'L2'}],value:{uid:'L2',qty:1},afterId:'L1'}", ""),
                row("an insert whose value is of the wrong kind",
                        "{op:'insert',path:['lines',{uid:'L2'}],value:{uid:'L2',qty:'abc'},afterId:null}",
                        "path [lines, {uid=\"L2\"}]: the value.qty must be an integer"),
                row("an insert with an unknown member",
                        "{op:'insert',path:['lines',{uid:'L2'}],value:{uid:'L2',colour:'red'},afterId:null}",
                        "path [lines, {uid=\"L2\"}]: the value.colour is not a field of RestaurantOrderline"),
                row("an insert whose id differs from its path",
                        "{op:'insert',path:['lines',{uid:'L2'}],value:{uid:'L3'},afterId:null}",
                        "path [lines, {uid=\"L2\"}]: the value's \"uid\" must be the id its path names"),
                row("an insert with a null id", "{op:'insert',path:['lines',{uid:'L2'}],value:{uid:null},afterId:null}",
                        "path [lines, {uid=\"L2\"}]: the value.uid must not be null"),
                row("a delete", "{op:'delete',path:['lines',{uid:'L1'}]}", ""),
                row("the order's id set again", "{op:'set',path:['uid'],value:'O1'}", ""),
                row("the order's id changed", "{op:'set',path:['uid'],value:'O2'}", "path [uid]: an id never changes"),
                row("a line's id changed", "{op:'set',path:['lines',{uid:'L1'},'uid'],value:'L9'}",
                        "path [lines, {uid=\"L1\"}, uid]: an element's id is the one its path names"),
                row("a null id", "{op:'set',path:['uid'],value:null}", "path [uid] must not be null"),
                row("lines set whole", "{op:'set',path:['lines'],value:[{uid:'L5',qty:1},{uid:'L6'}]}", ""),
                row("lines set whole with a repeated id", "{op:'set',path:['lines'],value:[{uid:'L5'},{uid:'L5'}]}",
                        "path [lines][1] has the id \"L5\" of an earlier element"),
                row("lines set whole with a missing id", "{op:'set',path:['lines'],value:[{qty:1}]}",
                        "path [lines][0] lacks its id \"uid\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderOps")
    void anOperationOnAnOrder(String op, String refusal) throws IOException {
        assertRefusal(OpChecks.against(ORDER, UnknownKeys.REFUSE), op, refusal);
    }

    static Stream<Arguments> kindOps() {
        return Stream.of(
                row("a byte in range", "{op:'set',path:['tiny'],value:-128}", ""),
                row("a byte out of range", "{op:'set',path:['tiny'],value:128}", "path [tiny] must be an integer between -128 and 127"),
                row("a huge BigInteger", "{op:'set',path:['huge'],value:123456789012345678901234567890}", ""),
                row("a decimal", "{op:'set',path:['price'],value:12.50}", ""),
                row("a char", "{op:'set',path:['mark'],value:'x'}", ""),
                row("two chars for a char", "{op:'set',path:['mark'],value:'xy'}", "path [mark] must be a string of 1 character"),
                row("an enum constant", "{op:'set',path:['course'],value:'MAIN'}", ""),
                row("not an enum constant", "{op:'set',path:['course'],value:'DRINKS'}",
                        "path [course] must be one of [STARTER, MAIN, DESSERT]"),
                row("an instant", "{op:'set',path:['at'],value:'2026-12-02T10:15:30Z'}", ""),
                row("not an instant", "{op:'set',path:['at'],value:'yesterday'}", "path [at] must be an ISO-8601 instant"),
                row("a date", "{op:'set',path:['day'],value:'2026-12-02'}", ""),
                row("a short-form UUID", "{op:'set',path:['id'],value:'1-1-1-1-1'}", "path [id] must be a UUID"),
                row("a list of strings", "{op:'set',path:['tags'],value:['a',null,'b']}", ""),
                row("a list with a number", "{op:'set',path:['tags'],value:['a',1]}", "path [tags][1] must be a string"),
                row("a set of ints", "{op:'set',path:['seats'],value:[1,2]}", ""),
                row("a map of decimals", "{op:'set',path:['extras'],value:{ice:0.50}}", ""),
                row("a map with a string value", "{op:'set',path:['extras'],value:{ice:'free'}}", "path [extras].ice must be a number"),
                row("a nested model's field", "{op:'set',path:['note','text'],value:'hi'}", ""),
                row("a nested model's unknown field", "{op:'set',path:['note','size'],value:1}",
                        "path [note, size]: \"size\" is not a field of Note"),
                row("a nested model set whole", "{op:'set',path:['note'],value:{text:'hi'}}", ""),
                row("a nested model set to a number", "{op:'set',path:['note'],value:5}", "path [note] must be an object"),
                row("an element of a set of models without id", "{op:'set',path:['notes',{text:'a'},'text'],value:'b'}",
                        "path [notes, {text=\"a\"}]: \"notes\" holds an array of objects without ids"),
                row("an element of a list with a long id", "{op:'set',path:['parts',{code:7},'label'],value:'b'}", ""),
                row("a long id as a string", "{op:'set',path:['parts',{code:'7'},'label'],value:'b'}",
                        "path [parts, {code=\"7\"}]: the id must be an integer"),
                row("a bound value takes any JSON", "{op:'set',path:['bound'],value:{any:[1,'x']}}", ""),
                row("a long counter add", "{op:'add',path:['count'],delta:9223372036854775807}", ""),
                row("a decimal add on a last-writer-wins decimal", "{op:'add',path:['price'],delta:1}",
                        "path [price]: add is only for COUNTER fields"),
                row("one key of a map set", "{op:'set',path:['extras','ice'],value:0.50}", ""),
                row("one key of a map set to the wrong kind", "{op:'set',path:['extras','ice'],value:'free'}",
                        "path [extras, ice] must be a number"),
                row("one key of a map unset", "{op:'unset',path:['extras','ice']}", ""),
                row("an add on a key of a last-writer-wins map", "{op:'add',path:['extras','ice'],delta:1}",
                        "path [extras, ice]: add is only for COUNTER fields"),
                row("an include on a key of a map", "{op:'include',path:['extras','ice'],value:1}",
                        "path [extras, ice]: a key of the map \"extras\" takes set, unset or add, not include"),
                row("a step below a key of a map", "{op:'set',path:['extras','ice','x'],value:1}",
                        "path [extras, ice]: \"extras\" holds an object; a path cannot step into it"),
                row("an unset of a field", "{op:'unset',path:['tiny']}", "path [tiny]: unset removes one key of a map"),
                row("a map unset whole", "{op:'unset',path:['extras']}", "path [extras]: unset removes one key of a map"),
                row("a value included in a set", "{op:'include',path:['seats'],value:3}", ""),
                row("a value excluded from a set", "{op:'exclude',path:['seats'],value:3}", ""),
                row("a value of the wrong kind included in a set", "{op:'include',path:['seats'],value:'x'}",
                        "path [seats]: the value must be an integer"),
                row("an include into a list", "{op:'include',path:['tags'],value:'a'}",
                        "path [tags]: include is for sets of values"),
                row("an exclude from a number", "{op:'exclude',path:['tiny'],value:1}",
                        "path [tiny]: exclude is for sets of values"),
                row("an include on an element", "{op:'include',path:['parts',{code:7},'label'],value:'b'}",
                        "path [parts, {code=7}, label]: include is for sets of values"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kindOps")
    void everyKind(String op, String refusal) throws IOException {
        assertRefusal(OpChecks.against(KINDS, UnknownKeys.REFUSE), op, refusal);
    }

    @Test
    void aCounterAddIsCheckedAgainstTheCurrentValue() throws IOException {
        OpChecks checks = OpChecks.against(KINDS, UnknownKeys.REFUSE);
        ObjectNode state = (ObjectNode) JsonMappers.protocol().readTree("{\"count\":9223372036854775800}");
        assertNull(checks.check(state, op("{op:'add',path:['count'],delta:7}")));
        assertTrue(checks.check(state, op("{op:'add',path:['count'],delta:8}")).startsWith(
                "path [count]: adding 8 gives 9223372036854775808"));
    }

    @Test
    void aCounterMapTakesAddsPerKeyWithinTheValuesRange() throws IOException {
        OpChecks checks = OpChecks.against(COUNTER_MAP, UnknownKeys.REFUSE);
        ObjectNode state = (ObjectNode) JsonMappers.protocol().readTree("{\"uid\":\"O1\",\"wine\":{\"red\":2147483646}}");
        assertNull(checks.check(state, op("{op:'add',path:['wine','red'],delta:1}")));
        assertNull(checks.check(state, op("{op:'add',path:['wine','white'],delta:5}")), "a new key starts at zero");
        assertTrue(checks.check(state, op("{op:'add',path:['wine','red'],delta:2}")).startsWith(
                "path [wine, red]: adding 2 gives 2147483648; \"wine.red\" must stay"));
        assertTrue(checks.check(state, op("{op:'add',path:['wine','red'],delta:0.5}")).startsWith(
                "path [wine, red]: the delta must be an integer"));
    }

    @Test
    void onlyAnAddOnADeclaredCounterIsKnownNotToGrowTheOrder() throws IOException {
        OpChecks checks = OpChecks.against(COUNTER_MAP, UnknownKeys.REFUSE);
        assertTrue(checks.changesDeclaredCounter((Op.Add) op("{op:'add',path:['covers'],delta:1}")));
        assertTrue(!checks.changesDeclaredCounter((Op.Add) op("{op:'add',path:['wine','red'],delta:1}")),
                "a key of a counter map may be new: the order can grow by it");
        assertTrue(!OpChecks.against(COUNTER_MAP, UnknownKeys.PASS_THROUGH)
                .changesDeclaredCounter((Op.Add) op("{op:'add',path:['covers'],delta:1}")));
    }

    /** A model whose id is a {@code long}. */
    private static final SessionSchema NUMBERED = inline("""
            {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:multisession:schema:com.acme.Ticket",
             "$ref":"#/$defs/com.acme.Ticket","$defs":{"com.acme.Ticket":{"type":"object",
             "x-multisession-java-type":"com.acme.Ticket","x-multisession-id":"no","required":["no"],"properties":{
              "no":{"x-multisession-kind":"integer","type":"integer","minimum":-9223372036854775808,
                "maximum":9223372036854775807,"x-multisession-java-type":"long","x-multisession-merge":"LAST_WRITER_WINS"}}}}}""");

    static Stream<Arguments> orderIds() {
        return Stream.of(
                Arguments.of(Named.of("its own uid", ORDER), "O1", "{uid:'O1'}", ""),
                Arguments.of(Named.of("another order's uid", ORDER), "O7", "{uid:'O1'}",
                        "order O7: its \"uid\" would be \"O1\"; an order's id is the uid it travels under, O7"),
                Arguments.of(Named.of("no id", ORDER), "O8", "{guests:3}",
                        "order O8 would have no \"uid\"; the change that creates an order sets its id to its uid, O8"),
                Arguments.of(Named.of("a number in its digits", NUMBERED), "70", "{no:70}", ""),
                Arguments.of(Named.of("a number written otherwise", NUMBERED), "70", "{no:7.0E1}", ""),
                Arguments.of(Named.of("a number its uid writes otherwise", NUMBERED), "070", "{no:70}",
                        "order 070: its \"no\" would be 70"),
                Arguments.of(Named.of("a number 0, which a terminal reads as no id", NUMBERED), "0", "{no:0}",
                        "order 0 would have no \"no\" (0 is none)"),
                Arguments.of(Named.of("a UUID in lower case", KINDS), "123e4567-e89b-12d3-a456-426614174000",
                        "{id:'123e4567-e89b-12d3-a456-426614174000'}", ""),
                Arguments.of(Named.of("a UUID in upper case, which a terminal writes in lower", KINDS),
                        "123E4567-E89B-12D3-A456-426614174000", "{id:'123E4567-E89B-12D3-A456-426614174000'}",
                        "order 123E4567-E89B-12D3-A456-426614174000: its \"id\" would be \"123E4567-E89B-12D3-A456-426614174000\","
                                + " which a terminal writes as 123e4567-e89b-12d3-a456-426614174000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderIds")
    void anOrderCarriesItsOwnUidAsItsId(SessionSchema schema, String order, String result, String refusal)
            throws IOException {
        ObjectNode data = (ObjectNode) JsonMappers.protocol().readTree(relaxed(result));
        String found = OpChecks.against(schema, UnknownKeys.REFUSE).orderIdProblem(order, data);
        if (refusal.isEmpty()) {
            assertNull(found, result);
        } else {
            assertNotNull(found, result + " must be refused for order " + order);
            assertTrue(found.startsWith(refusal), found);
        }
        assertNull(OpChecks.none().orderIdProblem(order, data), "a hub bound to no model knows no id");
    }

    @Test
    void unknownKeysPassThroughWhenTheHubSaysSo() throws IOException {
        OpChecks checks = OpChecks.against(ORDER, UnknownKeys.PASS_THROUGH);
        ObjectNode state = state();
        assertNull(checks.check(state, op("{op:'set',path:['tip'],value:{any:1}}")));
        assertNull(checks.check(state, op("{op:'insert',path:['lines',{uid:'L2'}],value:{uid:'L2',colour:'red'},afterId:null}")));
        assertNotNull(checks.check(state, op("{op:'set',path:['guests'],value:'abc'}")), "known keys are still checked");
    }

    @Test
    void withoutASchemaNothingIsChecked() throws IOException {
        assertNull(OpChecks.none().check(state(), op("{op:'set',path:['guests'],value:'abc'}")));
    }

    private static void assertRefusal(OpChecks checks, String op, String refusal) throws IOException {
        String found = checks.check(state(), op(op));
        if (refusal.isEmpty()) {
            assertNull(found, op);
        } else {
            assertNotNull(found, op + " must be refused");
            assertTrue(found.startsWith(refusal), "refusal of " + op + ": " + found);
        }
    }

    private static ObjectNode state() throws IOException {
        return (ObjectNode) JsonMappers.protocol().readTree(STATE);
    }

    private static Op op(String shorthand) throws IOException {
        JsonNode node = JsonMappers.protocol().readTree(relaxed(shorthand));
        return JsonMappers.protocol().treeToValue(node, Op.class);
    }

    /** JSON from the tables' shorthand: single quotes, unquoted member names. */
    private static String relaxed(String shorthand) {
        return shorthand.replace('\'', '"').replaceAll("([{,])(\\w+):", "$1\"$2\":");
    }

    private static Arguments row(String name, String op, String refusal) {
        return Arguments.of(Named.of(name, op), refusal);
    }

    private static SessionSchema inline(String json) {
        try (InputStream in = new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return SchemaJson.read(in, "inline");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SessionSchema schema(String resource) {
        try (InputStream in = OpChecksTest.class.getClassLoader().getResourceAsStream(resource)) {
            return SchemaJson.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
