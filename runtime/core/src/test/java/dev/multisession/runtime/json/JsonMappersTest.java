package dev.multisession.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonMappersTest {

    record Amount(long cents) {}

    @Test
    void protocolMapperRefusesNumbersWrittenAsStringsAndTrailingTokens() throws Exception {
        JsonMapper mapper = JsonMappers.protocol();
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"cents\":\"5\"}", Amount.class));
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"cents\":1} {\"cents\":2}", Amount.class));
        assertEquals(5, mapper.readValue("{\"cents\":5}", Amount.class).cents());
    }

    @Test
    void protocolMapperReadsDecimalsExactlyAndBoundsNesting() throws Exception {
        JsonMapper mapper = JsonMappers.protocol();
        JsonNode price = mapper.readTree("{\"price\":12.50}").get("price");
        assertTrue(price.isBigDecimal(), "read as an exact decimal, not a double");
        assertEquals(new BigDecimal("12.50"), price.decimalValue(), "with its scale");
        String deep = "[".repeat(JsonMappers.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonMappers.MAX_NESTING_DEPTH + 1);
        assertThrows(JsonProcessingException.class, () -> mapper.readTree(deep));
        String allowed = "[".repeat(JsonMappers.MAX_NESTING_DEPTH) + "]".repeat(JsonMappers.MAX_NESTING_DEPTH);
        assertTrue(mapper.readTree(allowed).isArray());
    }

    @Test
    void dataBindingKeepsTheScaleOfDecimalsAndWritesTimesAsText() {
        JsonMapper mapper = JsonMappers.dataBinding();
        assertEquals("12.50", mapper.valueToTree(new BigDecimal("12.50")).toString());
        assertEquals("\"2026-12-02T12:00:00Z\"", mapper.valueToTree(Instant.parse("2026-12-02T12:00:00Z")).toString());
    }

    @Test
    void eachCallMakesItsOwnMapper() {
        assertTrue(JsonMappers.protocol() != JsonMappers.protocol());
    }
}
