package dev.multisession.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.runtime.json.JsonMappers;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bounds of one order, on small limits: elements per array and characters of compact JSON. */
class OrderLimitsTest {

    private static final OrderLimits SMALL = new OrderLimits(2, 40);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"lines\":[{\"uid\":\"L1\"},{\"uid\":\"L2\"}]}| ",
        "{\"lines\":[{\"uid\":\"L1\"},{\"uid\":\"L2\"},{\"uid\":\"L3\"}]}| \"lines\" would hold 3 elements; an order's arrays hold at most 2",
        "{\"a\":{\"tags\":[1,2,3]}}| \"tags\" would hold 3 elements; an order's arrays hold at most 2",
        "{\"note\":\"01234567890123456789012345678\"}| ",
        "{\"note\":\"012345678901234567890123456789\"}| the order would be larger than 40 characters of JSON",
        "{\"n\":1234567890123456789012345678901234,\"b\":false}| the order would be larger than 40 characters of JSON"})
    void checksTheOrderAsItWouldBeStored(String order, String problem) throws IOException {
        JsonNode json = JsonMappers.protocol().readTree(order);
        assertEquals(problem, SMALL.check(json));
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"'{\"note\":\"abc\"}'", "'{\"lines\":[{\"uid\":\"L1\",\"qty\":12.50,\"done\":true,\"x\":null}],\"n\":-7}'"})
    void countsNoFewerCharactersThanTheCompactJson(String order) throws IOException {
        JsonNode json = JsonMappers.protocol().readTree(order);
        int length = JsonMappers.protocol().writeValueAsString(json).length();
        assertEquals(null, new OrderLimits(10, length).check(json), "at its exact size");
        assertEquals("the order would be larger than " + (length - 1) + " characters of JSON",
                new OrderLimits(10, length - 1).check(json));
    }
}
