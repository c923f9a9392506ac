package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Nested models and collections of them behind setters: init sets each key present once, with a
 * collection of the declared kind; apply changes the objects in place and calls a setter only when
 * the field must hold another object (it was null, the JSON is null).
 */
class SetterModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MultiSessionCodec<Seating> codec = MultiSessionCodecs.forClass(Seating.class);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private Seating seated() throws Exception {
        Seating seating = codec.newInstance();
        codec.initFromJson(seating, json("""
                {"host": {"id": 1, "name": "Ann"}, "guests": [{"id": 2, "name": "Bo"}],
                 "regulars": [{"id": 3, "name": "Cy"}]}"""));
        seating.calls.clear();
        return seating;
    }

    @Test
    void initCallsEachSetterOnceWithNewModelsInCollectionsOfTheDeclaredKind() throws Exception {
        Seating seating = codec.newInstance();

        codec.initFromJson(seating, json("""
                {"host": {"id": 1, "name": "Ann"}, "guests": [{"id": 2, "name": "Bo"}, {"id": 4, "name": "Di"}],
                 "regulars": [{"id": 3, "name": "Cy"}]}"""));

        assertEquals(List.of("host=1:Ann", "guests=ArrayList[2:Bo, 4:Di]", "regulars=LinkedHashSet[3:Cy]"),
                seating.calls);
    }

    @Test
    void initLeavesTheSettersOfMissingKeysUncalledAndSetsNullForJsonNull() throws Exception {
        Seating seating = codec.newInstance();

        codec.initFromJson(seating, json("{\"guests\": null}"));

        assertEquals(List.of("guests=null"), seating.calls);
    }

    @Test
    void applyChangesTheModelsInPlaceWithoutCallingASetter() throws Exception {
        Seating seating = seated();
        Customer host = seating.getHost();
        List<Customer> guests = seating.getGuests();
        Customer bo = guests.get(0);

        Set<String> changed = codec.applyMsData(seating, json("""
                {"host": {"id": 1, "name": "Anna"}, "guests": [{"id": 2, "name": "Bob"}, {"id": 5, "name": "Ed"}],
                 "regulars": [{"id": 3, "name": "Cy"}]}"""));

        assertEquals(Set.of("host", "guests"), changed);
        assertEquals(List.of(), seating.calls);
        assertSame(host, seating.getHost());
        assertEquals("Anna", host.name);
        assertSame(guests, seating.getGuests());
        assertSame(bo, guests.get(0));
        assertEquals(List.of("Bob", "Ed"), guests.stream().map(customer -> customer.name).toList());
    }

    @Test
    void applyCallsTheSetterWhenTheFieldMustHoldAnotherObject() throws Exception {
        Seating seating = codec.newInstance();

        Set<String> changed = codec.applyMsData(seating, json("""
                {"host": {"id": 1, "name": "Ann"}, "guests": [{"id": 2, "name": "Bo"}]}"""));

        assertEquals(Set.of("host", "guests"), changed);
        assertEquals(List.of("host=1:Ann", "guests=ArrayList[2:Bo]"), seating.calls);

        seating.calls.clear();
        changed = codec.applyMsData(seating, json("{\"host\": null, \"guests\": null, \"regulars\": null}"));

        assertEquals(Set.of("host", "guests"), changed);
        assertEquals(List.of("host=null", "guests=null"), seating.calls);
        assertNull(seating.getHost());
    }

    @Test
    void applyWithoutTheKeysCallsNoSetter() throws Exception {
        Seating seating = seated();

        Set<String> changed = codec.applyMsData(seating, json("{}"));

        assertEquals(Set.of(), changed);
        assertEquals(List.of(), seating.calls);
    }

    @Test
    void aValueOfTheWrongKindIsRefusedByItsPathAndItsSetterIsNotCalled() throws Exception {
        for (String bad : List.of("{\"host\": 5}", "{\"host\": []}", "{\"guests\": {\"id\": 2}}",
                "{\"guests\": [{\"id\": 2}, 7]}", "{\"regulars\": [null]}")) {
            Seating seating = codec.newInstance();

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> codec.initFromJson(seating, json(bad)), bad);

            String path = bad.substring(2, bad.indexOf('"', 2));
            assertTrue(refused.getMessage().contains(path), bad + ": " + refused.getMessage());
            assertEquals(List.of(), seating.calls, bad);
        }
    }

    @Test
    void onApplyAValueOfTheWrongKindLeavesTheModelsAndTheSettersAlone() throws Exception {
        Seating seating = seated();
        Customer host = seating.getHost();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> codec.applyMsData(seating, json("{\"host\": \"Ann\"}")));

        assertTrue(refused.getMessage().contains("host"), refused.getMessage());
        assertEquals(List.of(), seating.calls);
        assertSame(host, seating.getHost());
        assertEquals("Ann", host.name);
    }
}
