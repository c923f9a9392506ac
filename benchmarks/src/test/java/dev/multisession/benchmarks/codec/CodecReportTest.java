package dev.multisession.benchmarks.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecReportTest {

    private static final String RESTAURANT = "dev.multisession.benchmarks.codec.CodecBenchmark.";
    private static final String EVERY_KIND = "dev.multisession.benchmarks.codec.KindCodecBenchmark.";

    @Test
    void theRestaurantTableTakesOnlyCodecBenchmarksResultsWhenTheFileAlsoHoldsTheEveryKindModels() {
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        results.add(result(RESTAURANT + "exportGenerated", 2.2, 0.3));
        results.add(result(RESTAURANT + "exportDataBinding", 7.4, 0.2));
        // JMH writes the classes in name order: the every-kind model's results come last
        results.add(result(EVERY_KIND + "exportGenerated", 2.7, 0.6));
        results.add(result(EVERY_KIND + "exportDataBinding", 6.3, 0.2));

        Map<String, double[]> scores = CodecReport.scores(results);

        assertEquals(2, scores.size());
        assertArrayEquals(new double[] {2.2, 0.3}, scores.get("exportGenerated"));
        assertArrayEquals(new double[] {7.4, 0.2}, scores.get("exportDataBinding"));
    }

    @Test
    void aMethodWithTwoResultsIsRefusedRatherThanOneOfThemPicked() {
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        results.add(result(RESTAURANT + "initGenerated", 0.8, 0.1));
        results.add(result(RESTAURANT + "initGenerated", 0.9, 0.1));

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> CodecReport.scores(results));
        assertEquals(RESTAURANT + "initGenerated has two results; run each parameter set once", refused.getMessage());
    }

    private static JsonNode result(String benchmark, double score, double error) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("benchmark", benchmark);
        result.putObject("primaryMetric").put("score", score).put("scoreError", error);
        return result;
    }
}
