package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.schema.OpChecks;
import dev.multisession.runtime.schema.SessionSchema;
import dev.multisession.runtime.schema.UnknownKeys;
import dev.multisession.runtime.schema.ValueKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The schema resources the processor wrote for this module's models, read as a hub reads them:
 * what the generated codecs export is exactly what the schema accepts.
 */
class SchemaResourceBlackboxTest {

    @Test
    void aRootModelsLinesAreItsOwnLineTypeMatchedByTheirId() {
        SessionSchema schema = SessionSchema.forModel(RestaurantOrder.class);
        assertEquals(RestaurantOrder.class.getName(), schema.root());
        assertEquals(new ValueKind.ModelCollectionKind(RestaurantOrderline.class.getName(), false, Optional.of("uid")),
                schema.rootModel().fields().get("lines").kind());
    }

    @Test
    void aSubclassThatOnlyInheritsItsFieldsUsesItsAncestorsSchema() {
        assertEquals(RestaurantOrder.class.getName(), SessionSchema.forModel(TakeawayOrder.class).root());
    }

    @Test
    void everyFieldTheCodecExportsFitsTheSchema() {
        assertExportFits(AllTypes.class, AllTypesRoundTripTest.filled());
        assertExportFits(AllTypes.class, new AllTypes());
        RestaurantOrder order = new RestaurantOrder();
        order.tableId = "T4";
        assertExportFits(RestaurantOrder.class, order);
    }

    private static <T> void assertExportFits(Class<T> type, T model) {
        OpChecks checks = OpChecks.against(SessionSchema.forModel(type), UnknownKeys.REFUSE);
        ObjectNode exported = MultiSessionCodecs.forClass(type).exportAsJson(model);
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : exported.properties()) {
            if (field.getValue().isNull() && "uid".equals(field.getKey())) {
                continue; // an id is never set to null; a fresh model has none yet
            }
            Op set = new Op.Set(List.of(PathStep.key(field.getKey())), field.getValue());
            assertNull(checks.check(state, set), type.getSimpleName() + "." + field.getKey() + " = " + field.getValue());
        }
    }
}
