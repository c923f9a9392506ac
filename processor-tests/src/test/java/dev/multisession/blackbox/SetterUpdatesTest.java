package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Fields behind setters are initialised and applied through the setter: once per key present on
 * init, and on apply only when the value differs; narrow primitives come back exactly.
 */
class SetterUpdatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MultiSessionCodec<Settings> codec = MultiSessionCodecs.forClass(Settings.class);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void initCallsEachSetterOnceWithTheExactValue() throws Exception {
        Settings settings = codec.newInstance();

        codec.initFromJson(settings, json("""
                {"level": -128, "code": -32768, "mark": "é", "ratio": 0.1, "total": 9223372036854775807,
                 "open": true, "label": "bar"}"""));

        assertEquals(List.of("level=-128", "code=-32768", "mark=é", "ratio=0.1", "total=9223372036854775807",
                "open=true", "label=bar"), settings.calls);
        assertEquals(0.1f, settings.getRatio());
    }

    @Test
    void initLeavesTheSettersOfMissingKeysUncalled() throws Exception {
        Settings settings = codec.newInstance();

        codec.initFromJson(settings, json("{\"code\": 7}"));

        assertEquals(List.of("code=7"), settings.calls);
    }

    @Test
    void initCallsTheSetterOfAKeyPresentEvenWithTheValueTheFieldHolds() throws Exception {
        Settings settings = codec.newInstance();

        codec.initFromJson(settings, json("""
                {"level": 0, "code": 0, "ratio": 0.0, "total": 0, "open": false, "label": null}"""));

        assertEquals(List.of("level=0", "code=0", "ratio=0.0", "total=0", "open=false", "label=null"),
                settings.calls);
    }

    @Test
    void applyCallsOnlyTheSettersOfValuesThatDiffer() throws Exception {
        Settings settings = codec.newInstance();
        codec.initFromJson(settings, json("""
                {"level": 1, "code": 2, "mark": "a", "ratio": 0.5, "total": 3, "open": false, "label": "x"}"""));
        settings.calls.clear();

        Set<String> changed = codec.applyMsData(settings, json("""
                {"level": 1, "code": 20, "mark": "a", "ratio": 0.25, "total": 3, "open": true, "label": "x"}"""));

        assertEquals(Set.of("code", "ratio", "open"), changed);
        assertEquals(List.of("code=20", "ratio=0.25", "open=true"), settings.calls);
    }

    @Test
    void aFloatSignedZeroIsAChangeAsFloatCompareSaysSo() throws Exception {
        Settings settings = codec.newInstance();
        codec.initFromJson(settings, json("{\"ratio\": 0.0}"));
        settings.calls.clear();

        Set<String> changed = codec.applyMsData(settings, json("{\"ratio\": -0.0}"));

        assertEquals(Set.of("ratio"), changed);
        assertEquals(List.of("ratio=-0.0"), settings.calls);
    }

    @Test
    void initRefusesAValueOutOfTheFieldsRangeOrOfTheWrongKindWithoutCallingItsSetter() throws Exception {
        for (String bad : List.of("{\"level\": 128}", "{\"code\": -32769}", "{\"mark\": \"ab\"}",
                "{\"total\": 1.5}", "{\"open\": \"yes\"}", "{\"level\": null}")) {
            Settings settings = codec.newInstance();

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> codec.initFromJson(settings, json(bad)), bad);

            String key = bad.substring(2, bad.indexOf('"', 2));
            assertTrue(refused.getMessage().contains(key), bad + ": " + refused.getMessage());
            assertEquals(List.of(), settings.calls, bad);
        }
    }
}
