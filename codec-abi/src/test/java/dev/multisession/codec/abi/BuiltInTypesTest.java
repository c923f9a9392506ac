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
    void aDirectReadReturnsTheTypeItself() {
        for (BuiltInType type : BuiltInTypes.all()) {
            type.read().ifPresent(read -> {
                assertEquals(type.typeName(), read.returnType(), read.toString());
                assertEquals(List.of(RuntimeTypes.JSON_NODE, "java.lang.String"), read.parameterTypes(), read.toString());
            });
        }
    }

    @Test
    void aPrimitiveAndItsBoxShareTheConstantButNotTheReadMethod() {
        BuiltInType primitive = BuiltInTypes.of("int").orElseThrow();
        BuiltInType box = BuiltInTypes.of("java.lang.Integer").orElseThrow();

        assertTrue(primitive.primitive());
        assertFalse(box.primitive());
        assertEquals(primitive.codec(), box.codec());
        assertEquals("readInt", primitive.read().orElseThrow().name());
        assertEquals("readIntOrNull", box.read().orElseThrow().name());
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
        assertTrue(BuiltInTypes.of("java.time.ZoneId").orElseThrow().read().isEmpty());
    }

    @Test
    void theMemberListHoldsEveryCallAndEveryBuiltInConstant() {
        List<AbiMember> members = CodecAbi.members();
        assertTrue(members.containsAll(RuntimeCalls.all()));
        BuiltInTypes.all().forEach(type -> assertTrue(members.contains(type.codec()), type.typeName()));
    }
}
