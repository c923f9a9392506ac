package dev.multisession.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private final MessageCodec codec = MessageCodec.instance();

    @Test
    void mutateRoundTripsWithEveryOperation() throws ProtocolException {
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("uid", "L1").put("qty", 1);
        PathStep.Element l1 = PathStep.element("uid", TextNode.valueOf("L1"));
        ClientMessage.Mutate mutate = new ClientMessage.Mutate(7, 1, "O1", 3, "anna", List.of(
                new Op.Set(List.of(PathStep.key("note")), NullNode.getInstance()),
                new Op.Add(List.of(PathStep.key("lines"), l1, PathStep.key("qty")), IntNode.valueOf(2)),
                new Op.Insert(List.of(PathStep.key("lines"), l1), line, NullNode.getInstance()),
                new Op.Delete(List.of(PathStep.key("lines"), l1))));

        String json = codec.encode(mutate);

        assertEquals(mutate, codec.decodeClient(json));
        assertEquals("mutate", codec.mapper().valueToTree(mutate).get("type").asText());
    }

    @Test
    void anEventIsEncodedOnceButALargeOneIsNotKept() {
        Instant time = Instant.parse("2026-11-28T19:30:00Z");
        HubMessage.Change small = new HubMessage.Change(12, 1, "O1", 4, 2, new Author("T1", null, time), 9, List.of());
        assertSame(codec.encode(small), codec.encode(small), "the second use reuses the first text");

        String longName = "x".repeat(MessageCodec.LONGEST_REUSED_TEXT);
        HubMessage.Change large = new HubMessage.Change(12, 1, "O1", 4, 2, new Author("T1", longName, time), 9, List.of());
        String first = codec.encode(large);
        String second = codec.encode(large);
        assertEquals(first, second);
        assertFalse(first == second, "a text longer than the limit is not held on to");
    }

    @Test
    void changeKeepsAuthorTimeAsIsoText() throws Exception {
        HubMessage.Change change = new HubMessage.Change(12, 1, "O1", 4, 2,
                new Author("T1", null, Instant.parse("2026-11-28T19:30:00Z")), 9, List.of());

        String json = codec.encode(change);

        assertEquals(change, codec.decodeHub(json));
        assertEquals("2026-11-28T19:30:00Z", codec.mapper().readTree(json).get("author").get("time").asText(),
                json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "nope", "[]", "null", "{}", "{\"type\":\"sync\"}", "{\"type\":\"sync\",\"afterSeq\":\"5\"}",
        "{\"type\":\"sync\",\"afterSeq\":1.5}", "{\"type\":\"sync\",\"afterSeq\":1} trailing",
        "{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"order\":\"O\",\"baseRevision\":0,\"user\":null,"
            + "\"ops\":[{\"op\":\"set\",\"path\":[],\"value\":1}]}",
        "{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"order\":\"O\",\"baseRevision\":0,\"user\":null,"
            + "\"ops\":[{\"op\":\"add\",\"path\":[\"q\"],\"delta\":\"1\"}]}",
        "{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"order\":\"O\",\"baseRevision\":0,\"user\":null,"
            + "\"ops\":[{\"op\":\"delete\",\"path\":[\"lines\",{\"uid\":\"a\",\"x\":1}]}]}",
        "{\"type\":\"hello\",\"session\":5,\"terminal\":\"T\",\"user\":null,\"runId\":0,\"lastSeq\":0,\"protocol\":1}",
        // not an object: an array that Jackson would otherwise read as a wrapped type id
        "[\"sync\",{\"afterSeq\":1}]",
        "[\"mutate\",{\"mutationId\":1,\"runId\":1,\"order\":\"O\",\"baseRevision\":0,\"user\":null,\"ops\":[]}]",
        // a member twice: neither the first nor the last may silently win
        "{\"type\":\"sync\",\"type\":\"ping\",\"afterSeq\":1}",
        "{\"type\":\"sync\",\"afterSeq\":1,\"afterSeq\":2}",
        // a type that is not a string
        "{\"type\":5}",
        "{\"type\":null,\"afterSeq\":1}",
        // a lone surrogate would reach other terminals as '?'
        "{\"type\":\"hello\",\"session\":\"s\",\"terminal\":\"T\",\"user\":\"\\ud800\",\"runId\":0,\"lastSeq\":0,\"protocol\":1}",
        "{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"order\":\"O\",\"baseRevision\":0,\"user\":\"\\udc00\",\"ops\":[]}",
        // U+0000 cannot be kept by a PostgreSQL store
        "{\"type\":\"hello\",\"session\":\"s\",\"terminal\":\"T\",\"user\":\"a\\u0000\",\"runId\":0,\"lastSeq\":0,\"protocol\":1}",
        "{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"order\":\"O\\u0000\",\"baseRevision\":0,\"user\":null,\"ops\":[]}",
        "{\"type\":\"ping\",\"nonce\":1,\"p\\u0000d\":1}"
    })
    void rejectsMalformedMessages(String json) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeClient(json));
        assertEquals(Reason.MALFORMED, e.code(), e.getMessage());
    }

    /** The hub walks a mutation's values once: their lone surrogates and U+0000 are found by the walk that checks their limits. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"op\":\"set\",\"path\":[\"note\"],\"value\":\"a\\udc00b\"}| ops[0]: the value holds a lone UTF-16 surrogate",
        "{\"op\":\"set\",\"path\":[\"note\"],\"value\":{\"\\ud83d\":1}}| ops[0]: a member name in the value holds a lone",
        "{\"op\":\"set\",\"path\":[\"n\\ud83do\"],\"value\":1}| ops[0]: a path key holds a lone UTF-16 surrogate",
        "{\"op\":\"delete\",\"path\":[\"lines\",{\"uid\":\"\\udc00\"}]}| ops[0]: an element id holds a lone",
        "{\"op\":\"set\",\"path\":[\"note\"],\"value\":[\"a\\u0000\"]}| ops[0]: the value holds the character U+0000",
        "{\"op\":\"set\",\"path\":[\"n\\u0000\"],\"value\":1}| ops[0]: a path key holds the character U+0000"})
    void aLoneSurrogateOrU0000InAnOperationIsFoundWithItsLimits(String row) throws ProtocolException {
        String[] parts = row.split("\\| ");
        ClientMessage.Mutate mutate = (ClientMessage.Mutate) codec.decodeClient("{\"type\":\"mutate\",\"mutationId\":1,"
                + "\"runId\":1,\"order\":\"O\",\"baseRevision\":0,\"user\":null,\"ops\":[" + parts[0] + "]}");
        String broken = ValueLimits.DEFAULT.check(mutate.ops());
        assertTrue(broken != null && broken.startsWith(parts[1]), broken);
    }

    /** A terminal still reads U+0000 from a hub (a hub on SQLite may have stored it before the hub refused it). */
    @Test
    void aHubMessageWithU0000IsRead() throws ProtocolException {
        HubMessage.Pong pong = (HubMessage.Pong) codec.decodeHub("{\"type\":\"pong\",\"nonce\":7,\"x\":\"a\\u0000\"}");
        assertEquals(7, pong.nonce());
    }

    @Test
    void acceptsProperSurrogatePairs() throws ProtocolException {
        ClientMessage.Mutate mutate = (ClientMessage.Mutate) codec.decodeClient(
                "{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"order\":\"O\",\"baseRevision\":0,"
                        + "\"user\":null,\"ops\":[{\"op\":\"set\",\"path\":[\"note\"],\"value\":\"\\ud83c\\udf55 pizza\"}]}");
        assertEquals("\ud83c\udf55 pizza", ((Op.Set) mutate.ops().get(0)).value().textValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"sync\",\"afterSeq\":\"5\"}",
        "{\"type\":\"sync\",\"afterSeq\":1,\"afterSeq\":2}",
        "{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"order\":\"O\",\"baseRevision\":0,\"user\":null,"
            + "\"ops\":[{\"op\":\"add\",\"path\":[\"q\"],\"delta\":\"1\"}]}",
        "{\"type\":\"hello\",\"session\":5,\"terminal\":\"T\",\"user\":null,\"runId\":0,\"lastSeq\":0,\"protocol\":1}",
        "{\"type\":\"sync\"}",
        "{\"type\":\"sync\",",
    })
    void errorTextsNameTheMemberInTheProtocolsWordsNotJacksons(String json) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeClient(json));
        String text = e.getMessage();
        for (String internal : new String[] {"`", "com.fasterxml", "java.lang", "Cannot deserialize", "Source:",
                "through reference chain", "dev.multisession"}) {
            assertFalse(text.contains(internal), "error text quotes Jackson or Java internals: " + text);
        }
        assertFalse(text.isBlank());
    }

    @Test
    void aWrongTypeSaysWhichMemberAndWhatItMustBe() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> codec.decodeClient("{\"type\":\"sync\",\"afterSeq\":\"5\"}"));
        assertEquals("member \"afterSeq\": must be an integer", e.getMessage());
        ProtocolException twice = assertThrows(ProtocolException.class,
                () -> codec.decodeClient("{\"type\":\"sync\",\"afterSeq\":1,\"afterSeq\":2}"));
        assertEquals("member \"afterSeq\" appears twice in one object", twice.getMessage());
    }

    @Test
    void namesAnUnknownType() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> codec.decodeClient("{\"type\":\"drop_tables\"}"));
        assertEquals(Reason.UNKNOWN_TYPE, e.code());
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "[".repeat(200) + "]".repeat(200);
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeClient(
                "{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"order\":\"O\",\"baseRevision\":0,\"user\":null,"
                        + "\"ops\":[{\"op\":\"set\",\"path\":[\"a\"],\"value\":" + deep + "}]}"));
        assertEquals(Reason.MALFORMED, e.code());
    }

    @Test
    void eventTagsAndDivergenceRoundTrip() throws Exception {
        long tag = EventTag.LIMIT - 1;
        Author author = new Author("T1", null, Instant.parse("2026-11-28T19:30:00Z"));
        List<HubMessage> messages = List.of(
                new HubMessage.Change(12, 1, "O1", 4, 2, author, 9, List.of(), tag),
                new HubMessage.Removed(13, 1, "O1", 5, author, 10, true, 77),
                new HubMessage.Snapshot(1, 13, 10, List.of(), 77),
                new HubMessage.Welcome("s", "T1", 1, 13, 10, true));
        for (HubMessage message : messages) {
            assertEquals(message, codec.decodeHub(codec.encode(message)));
        }
        ClientMessage.Hello hello = new ClientMessage.Hello("s", "T1", "anna", 1, 12, 1, tag);
        assertEquals(hello, codec.decodeClient(codec.encode(hello)));
        assertEquals(tag, codec.mapper().readTree(codec.encode(hello)).get("lastTag").asLong());
    }

    /** Peers and stored events from before tags leave the new members out: they read as "none". */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"welcome\",\"session\":\"s\",\"terminal\":\"T\",\"runId\":1,\"seq\":5,\"lastMutationId\":2}",
        "{\"type\":\"change\",\"seq\":5,\"runId\":1,\"order\":\"O\",\"revision\":1,\"number\":1,"
            + "\"author\":{\"terminal\":\"T\",\"user\":null,\"time\":\"2026-11-28T19:30:00Z\"},\"mutationId\":1,\"ops\":[]}",
        "{\"type\":\"removed\",\"seq\":5,\"runId\":1,\"order\":\"O\",\"revision\":1,"
            + "\"author\":{\"terminal\":\"T\",\"user\":null,\"time\":\"2026-11-28T19:30:00Z\"},\"mutationId\":1,"
            + "\"finalized\":false}",
        "{\"type\":\"snapshot\",\"runId\":1,\"seq\":5,\"lastMutationId\":2,\"orders\":[]}"})
    void messagesWithoutTheLaterMembersReadAsBefore(String json) throws ProtocolException {
        HubMessage message = codec.decodeHub(json);
        if (message instanceof HubMessage.Event event) {
            assertEquals(EventTag.NONE, event.tag());
        } else if (message instanceof HubMessage.Snapshot snapshot) {
            assertEquals(EventTag.NONE, snapshot.tag());
        } else {
            assertFalse(((HubMessage.Welcome) message).diverged());
        }
        assertEquals(message, codec.decodeHub(codec.mapper().valueToTree(message)));
    }

    @Test
    void aHelloWithoutATagNamesNothingToVerify() throws ProtocolException {
        ClientMessage.Hello hello = (ClientMessage.Hello) codec.decodeClient("{\"type\":\"hello\",\"session\":\"s\","
                + "\"terminal\":\"T\",\"user\":null,\"runId\":1,\"lastSeq\":4,\"protocol\":1}");
        assertEquals(EventTag.NONE, hello.lastTag());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "9007199254740992", "9223372036854775807", "1.5", "\"7\"", "null", "true"})
    void aTagThatIsNoTagIsRefused(String tag) {
        ProtocolException hello = assertThrows(ProtocolException.class, () -> codec.decodeClient(
                "{\"type\":\"hello\",\"session\":\"s\",\"terminal\":\"T\",\"user\":null,\"runId\":1,"
                        + "\"lastSeq\":4,\"protocol\":1,\"lastTag\":" + tag + "}"));
        assertEquals(Reason.MALFORMED, hello.code(), hello.getMessage());
        assertTrue(hello.getMessage().contains("lastTag"), hello.getMessage());
        ProtocolException snapshot = assertThrows(ProtocolException.class, () -> codec.decodeHub(
                "{\"type\":\"snapshot\",\"runId\":1,\"seq\":5,\"lastMutationId\":2,\"orders\":[],\"tag\":" + tag + "}"));
        assertEquals(Reason.MALFORMED, snapshot.code(), snapshot.getMessage());
    }

    @Test
    void newTagsAreBelowTwoToThe53AndNeverNone() {
        for (int i = 0; i < 10_000; i++) {
            long tag = EventTag.next();
            assertTrue(tag > 0 && tag < EventTag.LIMIT, "tag " + tag);
        }
    }
}
