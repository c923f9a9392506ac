package dev.multisession.codec.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInTypesTest {

    @Test
    void onlyAPrimitiveHasOneCallUpdatesOfItsOwnAndTheyTakeTheSameSetter() {
        for (BuiltInType type : BuiltInTypes.all()) {
            assertEquals(type.primitive(), type.init().isPresent(), type.typeName());
            assertEquals(type.primitive(), type.apply().isPresent(), type.typeName());
            type.init().ifPresent(init -> assertEquals(init.parameterTypes().get(2),
                    type.apply().orElseThrow().parameterTypes().get(3), type.typeName()));
        }
    }

    @Test
    void aPrimitiveAndItsBoxShareTheConstantButNotTheUpdates() {
        BuiltInType primitive = BuiltInTypes.of("int").orElseThrow();
        BuiltInType box = BuiltInTypes.of("java.lang.Integer").orElseThrow();

        assertTrue(primitive.primitive());
        assertFalse(box.primitive());
        assertEquals(primitive.codec(), box.codec());
        assertEquals("applyInt", primitive.apply().orElseThrow().name());
        assertTrue(box.apply().isEmpty());
    }

    @Test
    void everyConstantBelongsToOneTypeAndItsBoxAtMost() {
        Map<String, Integer> uses = new HashMap<>();
        BuiltInTypes.all().forEach(type -> uses.merge(type.codec().name(), 1, Integer::sum));
        uses.forEach((constant, count) -> assertTrue(count <= 2, constant + " is used by " + count + " types"));
    }

    @Test
    void typesOutsideTheTableAreNotBuiltIn() {
        assertTrue(BuiltInTypes.of("java.util.Currency").isEmpty());
        assertFalse(BuiltInTypes.of("java.time.ZoneId").orElseThrow().direct());
    }

    @Test
    void theMemberListHoldsEveryCallAndEveryBuiltInConstant() {
        List<AbiMember> members = CodecAbi.members();
        assertTrue(members.containsAll(RuntimeCalls.all()));
        BuiltInTypes.all().forEach(type -> assertTrue(members.contains(type.codec()), type.typeName()));
    }
}
