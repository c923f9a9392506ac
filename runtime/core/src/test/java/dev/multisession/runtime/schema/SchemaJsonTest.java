package dev.multisession.runtime.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.annotations.Merge;
import dev.multisession.runtime.json.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reading the processor's JSON Schema resource, and refusing documents it does not write. */
class SchemaJsonTest {

    @Test
    void readsEveryFieldOfTheRootAndTheModelsItReaches() throws IOException {
        SessionSchema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/com.acme.RestaurantOrder.json")) {
            schema = SchemaJson.read(in, "order schema");
        }
        assertEquals("com.acme.RestaurantOrder", schema.root());
        ModelSchema order = schema.rootModel();
        assertEquals(Optional.of("uid"), order.idKey());
        assertEquals(List.of("uid", "lines", "name", "table_id", "guests"), List.copyOf(order.fields().keySet()));
        assertEquals(new ValueKind.ModelCollectionKind("com.acme.RestaurantOrderline", false, Optional.of("uid")),
                order.fields().get("lines").kind());
        FieldSchema qty = schema.model("com.acme.RestaurantOrderline").fields().get("qty");
        assertEquals(Merge.COUNTER, qty.merge());
        assertEquals(false, qty.nullable());
        assertTrue(order.fields().get("uid").id());
        assertTrue(order.fields().get("name").nullable());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}| \"$ref\" must be a string",
        "{\"$ref\":\"#/$defs/A\",\"$defs\":{}}| the schema has no model A for its root",
        "{\"$ref\":\"A\",\"$defs\":{}}| a model reference reads \"#/$defs/<model>\", not \"A\"",
        "{\"$ref\":\"#/$defs/A\",\"$defs\":{\"A\":{\"properties\":{\"x\":{\"x-multisession-kind\":\"colour\",\"x-multisession-merge\":\"LAST_WRITER_WINS\"}}}}}"
                + "| unknown x-multisession-kind \"colour\"",
        "{\"$ref\":\"#/$defs/A\",\"$defs\":{\"A\":{\"properties\":{\"x\":{\"x-multisession-kind\":\"model\",\"$ref\":\"#/$defs/B\",\"x-multisession-merge\":\"LAST_WRITER_WINS\"}}}}}"
                + "| names model B, which the schema does not define",
        "{\"$ref\":\"#/$defs/A\",\"$defs\":{\"A\":{\"properties\":{\"x\":{\"x-multisession-kind\":\"string\",\"x-multisession-merge\":\"SUM\"}}}}}"
                + "| unknown x-multisession-merge \"SUM\"",
        "{\"$ref\":\"#/$defs/A\",\"$defs\":{\"A\":{\"x-multisession-id\":\"id\",\"properties\":{}}}}"
                + "| names id \"id\" but has no such id field",
        "{\"$ref\":\"#/$defs/A\",\"$defs\":{\"A\":{\"properties\":{\"lines\":{\"x-multisession-kind\":\"model-list\","
                + "\"items\":{\"$ref\":\"#/$defs/B\"},\"x-multisession-id\":\"uid\",\"x-multisession-merge\":\"LAST_WRITER_WINS\"}}},"
                + "\"B\":{\"x-multisession-id\":\"code\",\"properties\":{\"code\":{\"x-multisession-kind\":\"string\","
                + "\"type\":\"string\",\"x-multisession-merge\":\"LAST_WRITER_WINS\"}}}}}"
                + "| field \"lines\" of A selects its elements by \"uid\" but B has the id \"code\""})
    void refusesADocumentItCannotRead(String document, String problem) throws IOException {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SchemaJson.read(JsonMappers.files().readTree(document), "test.json"));
        assertTrue(refused.getMessage().startsWith("test.json is not a multisession schema: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    @Test
    void aClassWithoutSchemaResourceIsNamedWithTheFix() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SessionSchema.forModel(SchemaJsonTest.class));
        assertTrue(refused.getMessage().contains("compile the model with multisession-processor"), refused.getMessage());
    }
}
